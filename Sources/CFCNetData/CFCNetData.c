#include "CFCNetData.h"

// The tables are linked into the binary by FCNetTables.S (.incbin), so an installed copy of the
// `hpo` executable needs no resource files beside it.
extern const unsigned char hpo_fcnet_protein[], hpo_fcnet_protein_end[];
extern const unsigned char hpo_fcnet_slice[], hpo_fcnet_slice_end[];
extern const unsigned char hpo_fcnet_naval[], hpo_fcnet_naval_end[];
extern const unsigned char hpo_fcnet_parkinsons[], hpo_fcnet_parkinsons_end[];

const unsigned char *hpo_fcnet_table(int dataset, size_t *count) {
    switch (dataset) {
    case 0: *count = (size_t)(hpo_fcnet_protein_end - hpo_fcnet_protein); return hpo_fcnet_protein;
    case 1: *count = (size_t)(hpo_fcnet_slice_end - hpo_fcnet_slice); return hpo_fcnet_slice;
    case 2: *count = (size_t)(hpo_fcnet_naval_end - hpo_fcnet_naval); return hpo_fcnet_naval;
    case 3: *count = (size_t)(hpo_fcnet_parkinsons_end - hpo_fcnet_parkinsons); return hpo_fcnet_parkinsons;
    default: *count = 0; return NULL;
    }
}
