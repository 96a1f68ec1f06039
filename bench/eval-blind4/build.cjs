#!/usr/bin/env node
// Builds the eval-blind4 .jsonl files from src/*.cjs (the shared builder: ../eval-tools/build-set.cjs).
'use strict';
require('../eval-tools/build-set.cjs')(__dirname, 4, { background: 20261208, replies: 41414, messages: 5353, promises: 8989 });
