// Embeds the binary FCNet tables written by Scripts/import_fcnet.py. The assembler finds the
// files through the target's header search path (Package.swift: .headerSearchPath("data")).
#if defined(__APPLE__)
#define SYM(name) _##name
    .section __TEXT,__const
#else
#define SYM(name) name
    .section .rodata
#endif

#define TABLE(name, file) \
    .globl SYM(name) ; .globl SYM(name##_end) ; .balign 16 ; \
SYM(name): ; .incbin file ; SYM(name##_end):

TABLE(hpo_fcnet_protein, "fcnet_protein.bin")
TABLE(hpo_fcnet_slice, "fcnet_slice.bin")
TABLE(hpo_fcnet_naval, "fcnet_naval.bin")
TABLE(hpo_fcnet_parkinsons, "fcnet_parkinsons.bin")

#if defined(__linux__) && defined(__ELF__)
    .section .note.GNU-stack,"",%progbits
#endif
