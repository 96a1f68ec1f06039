#!/usr/bin/env node
// Builds the eval-blind5 .jsonl files from src/*.cjs (the shared builder: ../eval-tools/build-set.cjs).
'use strict';
require('../eval-tools/build-set.cjs')(__dirname, 5, { background: 20261209, replies: 72727, messages: 61616, promises: 30303 });
