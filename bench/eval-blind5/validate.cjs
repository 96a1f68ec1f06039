#!/usr/bin/env node
// Checks every line of the eval-blind5 .jsonl files and prints counts per label. Exit 1 on error.
'use strict';
require('../eval-tools/validate-set.cjs')(__dirname, 5);
