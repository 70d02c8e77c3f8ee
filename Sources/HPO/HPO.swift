// The umbrella module: `import HPO` brings in the whole library, layer by layer.
@_exported import HPORandom
@_exported import HPOSpace
@_exported import HPOObjective
@_exported import HPOSurrogate
@_exported import HPOAcquisition
@_exported import HPOOptimizers
@_exported import HPORun
@_exported import HPOReport
@_exported import HPOPostgres
@_exported import HPOStudy
