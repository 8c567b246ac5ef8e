#!/usr/bin/env python3
"""Rebuilds the embedded Fashion-MNIST subset from Debian's dataset-fashion-mnist.

Takes the first TRAIN images and labels of the training set and the first TEST of the test
set (the files are already shuffled, so the classes stay balanced) and writes them as gzipped
IDX files with the same headers as the originals. Deterministic: mtime 0, level 9.

    python3 tools/data/make_subset.py [/usr/share/datasets/fashion-mnist]

The four files are written to core/Foundations/Data/Embedded/, where the substrate embeds them.
"""
import gzip
import os
import sys

TRAIN, TEST = 8000, 1000
source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "core", "Foundations", "Data", "Embedded")


def subset(name, count, out):
    data = gzip.open(f"{source}/{name}").read()
    dims = data[3]
    header = bytearray(data[: 4 + 4 * dims])
    header[4:8] = count.to_bytes(4, "big")  # the first dimension is the item count
    item = 1
    for d in range(1, dims):
        item *= int.from_bytes(data[4 + 4 * d : 8 + 4 * d], "big")
    body = data[len(header) : len(header) + count * item]
    with open(os.path.join(target, out), "wb") as f:
        f.write(gzip.compress(bytes(header) + body, 9, mtime=0))


subset("train-images-idx3-ubyte.gz", TRAIN, "train-images-idx3-ubyte.gz")
subset("train-labels-idx1-ubyte.gz", TRAIN, "train-labels-idx1-ubyte.gz")
subset("t10k-images-idx3-ubyte.gz", TEST, "t10k-images-idx3-ubyte.gz")
subset("t10k-labels-idx1-ubyte.gz", TEST, "t10k-labels-idx1-ubyte.gz")
