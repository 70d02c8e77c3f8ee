import HPOSurrogate

/// Placeholder for the acquisition module (issue 3): acquisition functions and their maximizers.
enum AcquisitionModule {}
