#!/usr/bin/env node
// Builds the eval-blind3 .jsonl files from src/*.cjs (the shared builder: ../eval-tools/build-set.cjs).
'use strict';
require('../eval-tools/build-set.cjs')(__dirname, 3, { background: 20261207, replies: 31337, messages: 4242, promises: 777 });
