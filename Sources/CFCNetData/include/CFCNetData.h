#ifndef CFCNETDATA_H
#define CFCNETDATA_H
#include <stddef.h>

/// The embedded FCNet table of one dataset (0 protein, 1 slice, 2 naval, 3 parkinsons):
/// returns its first byte and writes its length to `count`, or returns NULL for another index.
const unsigned char *hpo_fcnet_table(int dataset, size_t *count);

#endif
