#!/bin/sh
# Refreshes translations/logonet_de.ts from the workstation sources and fills in the German texts.
# (qt_add_translations' own update target only sees the resource library's sources.)
set -e
cd "$(dirname "$0")/.."
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -I views -I core -I storage \
    -target-language de_DE views/common views/slices views/render3d views/browser views/overlay \
    views/mainwindow views/dialogs views/annotation views/versions views/runs views/plots views/review views/clusters views/masking views/remote views/predict app/workstation -ts translations/logonet_de.ts
/usr/bin/python3 translations/fill_de.py translations/logonet_de.ts
