#!/usr/bin/python3
"""Fills translations/logonet_de.ts with the German texts below (run after update.sh).

Untranslated sources are listed on stderr so that a new string is never shipped in English
by accident.
"""
import sys
import xml.etree.ElementTree as ET

GERMAN = {
    "Preparing import...": "Import wird vorbereitet...",
    "Cancel": "Abbrechen",
    "Import scans": "Scans importieren",
    "Cancelling after the current scan...": "Abbruch nach dem aktuellen Scan...",
    "Importing %1 (%2 of %3)": "Importiere %1 (%2 von %3)",
    "%1 scan(s) imported.": "%1 Scan(s) importiert.",
    "%1 already in the project (same content).": "%1 bereits im Projekt (gleicher Inhalt).",
    "The import was cancelled.": "Der Import wurde abgebrochen.",
    "%1 failed:": "%1 fehlgeschlagen:",
    "Axial": "Axial",
    "Coronal": "Koronal",
    "Sagittal": "Sagittal",
    "Voxel (%1, %2, %3)   World (%4, %5, %6) mm   Intensity %7":
        "Voxel (%1, %2, %3)   Welt (%4, %5, %6) mm   Intensität %7",
    "background": "Hintergrund",
    "   Label %1 (%2)": "   Label %1 (%2)",
    "CT abdomen": "CT Abdomen",
    "CT lung": "CT Lunge",
    "CT bone": "CT Knochen",
    "CT brain": "CT Gehirn",
    "Unlabeled collection (ignore any label maps)":
        "Unannotierte Sammlung (Labelkarten ignorieren)",
    "Add image files (NIfTI, NRRD, MetaImage), folders of images, a Medical Segmentation "
    "Decathlon dataset.json or DICOM folders (each series becomes a scan).":
        "Bilddateien (NIfTI, NRRD, MetaImage), Bildordner, eine dataset.json der Medical "
        "Segmentation Decathlon oder DICOM-Ordner hinzufügen (jede Serie wird ein Scan).",
    "Add files...": "Dateien hinzufügen...",
    "Add image folder...": "Bildordner hinzufügen...",
    "Add dataset.json...": "dataset.json hinzufügen...",
    "Add DICOM folder...": "DICOM-Ordner hinzufügen...",
    "Remove": "Entfernen",
    "Browse...": "Durchsuchen...",
    "optional: folder of label maps matched by file name":
        "optional: Ordner mit Labelkarten, per Dateiname zugeordnet",
    "train": "Training",
    "validation": "Validierung",
    "test": "Test",
    "Label folder": "Labelordner",
    "Split": "Aufteilung",
    "Import": "Importieren",
    "Folder of images": "Bildordner",
    "DICOM folder": "DICOM-Ordner",
    "Image files": "Bilddateien",
    "Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)":
        "Bilder (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;Alle Dateien (*)",
    "MSD dataset.json": "MSD dataset.json",
    "dataset.json (dataset.json)": "dataset.json (dataset.json)",
    "Folder of label maps": "Ordner mit Labelkarten",
    "Show labels": "Labels anzeigen",
    "Show or hide the label overlay (L)": "Label-Überlagerung ein- oder ausblenden (L)",
    "Filled": "Gefüllt",
    "Outline": "Umriss",
    "Opacity": "Deckkraft",
    "Style": "Darstellung",
    "LoGoNet workstation": "LoGoNet-Arbeitsplatz",
    "Surfaces %p%": "Oberflächen %p%",
    "Surface building cancelled": "Oberflächenberechnung abgebrochen",
    "Scans": "Scans",
    "Window / level": "Fenster / Level",
    "Automatic (1st-99th percentile)": "Automatisch (1.-99. Perzentil)",
    "3D: show volume rendering": "3D: Volumendarstellung zeigen",
    "3D: rebuild label surfaces": "3D: Label-Oberflächen neu berechnen",
    "3D: reset camera": "3D: Kamera zurücksetzen",
    "Display": "Anzeige",
    "LoGoNet workstation - %1": "LoGoNet-Arbeitsplatz - %1",
    "Cannot open project": "Projekt kann nicht geöffnet werden",
    "Cannot create project": "Projekt kann nicht angelegt werden",
    "Cannot list scans": "Scans können nicht aufgelistet werden",
    "Cannot show scan": "Scan kann nicht angezeigt werden",
    "Export mask": "Maske exportieren",
    "The current scan has no label map to export.":
        "Der aktuelle Scan hat keine Labelkarte zum Exportieren.",
    "Mask written to %1": "Maske nach %1 geschrieben",
    "&File": "&Datei",
    "&New project...": "&Neues Projekt...",
    "&Open project...": "Projekt ö&ffnen...",
    "Recent projects": "Zuletzt geöffnete Projekte",
    "&Import scans...": "Scans &importieren...",
    "Ctrl+I": "Ctrl+I",
    "&Export mask...": "Maske &exportieren...",
    "Ctrl+E": "Ctrl+E",
    "&Quit": "&Beenden",
    "&View": "&Ansicht",
    "Reset slice views": "Schichtansichten zurücksetzen",
    "&Help": "&Hilfe",
    "&Keyboard shortcuts": "&Tastenkürzel",
    "&About": "Ü&ber",
    "Choose an empty folder for the new project": "Leeren Ordner für das neue Projekt wählen",
    "Open project folder": "Projektordner öffnen",
    "Export mask as NIfTI": "Maske als NIfTI exportieren",
    "NIfTI (*.nii.gz *.nii)": "NIfTI (*.nii.gz *.nii)",
    "About the LoGoNet workstation": "Über den LoGoNet-Arbeitsplatz",
    "<h3>LoGoNet workstation %1</h3><p>Look at 3D scans and their labels, correct them, "
    "pre-train and fine-tune the Masked LoGoNet segmentation network (KDD 2024) and review "
    "its predictions.</p>":
        "<h3>LoGoNet-Arbeitsplatz %1</h3><p>3D-Scans und ihre Labels ansehen und korrigieren, "
        "das Segmentierungsnetz Masked LoGoNet (KDD 2024) vortrainieren und feinabstimmen und "
        "seine Vorhersagen prüfen.</p>",
    "Filter scans (name, split, labeled)": "Scans filtern (Name, Aufteilung, annotiert)",
    "yes": "ja",
    "no": "nein",
    "Name": "Name",
    "Labeled": "Annotiert",
    "Size": "Größe",
    "Spacing (mm)": "Voxelabstand (mm)",
    "Keyboard and mouse shortcuts": "Tastatur- und Mauskürzel",
    "Left click / drag": "Linksklick / Ziehen",
    "Slice views: move the cursor (all views follow)":
        "Schichtansichten: Cursor setzen (alle Ansichten folgen)",
    "Mouse wheel, Page Up/Down, Up/Down": "Mausrad, Bild auf/ab, Pfeil auf/ab",
    "Slice views: next / previous slice": "Schichtansichten: nächste / vorige Schicht",
    "Ctrl + mouse wheel, + / -": "Strg + Mausrad, + / -",
    "Slice views: zoom in / out": "Schichtansichten: vergrößern / verkleinern",
    "Middle drag": "Ziehen mit mittlerer Taste",
    "Pan the view": "Ansicht verschieben",
    "Right drag": "Ziehen mit rechter Taste",
    "Slice views: window (left/right) and level (up/down)":
        "Schichtansichten: Fenster (links/rechts) und Level (auf/ab)",
    "Home": "Pos1",
    "Slice views: reset zoom and pan": "Schichtansichten: Zoom und Verschiebung zurücksetzen",
    "L": "L",
    "Show or hide the label overlay": "Label-Überlagerung ein- oder ausblenden",
    "1 - 4": "1 - 4",
    "Window presets: abdomen, lung, bone, brain":
        "Fenstervorgaben: Abdomen, Lunge, Knochen, Gehirn",
    "A": "A",
    "Automatic window (1st to 99th percentile)": "Automatisches Fenster (1. bis 99. Perzentil)",
    "3D view: left drag": "3D-Ansicht: Ziehen mit linker Taste",
    "Rotate": "Drehen",
    "3D view: Shift + left drag, middle drag":
        "3D-Ansicht: Umschalt + linke Taste ziehen, mittlere Taste ziehen",
    "Pan": "Verschieben",
    "3D view: right drag, wheel": "3D-Ansicht: rechte Taste ziehen, Mausrad",
    "Zoom": "Zoomen",
    "Ctrl+N / Ctrl+O / Ctrl+I / Ctrl+E": "Strg+N / Strg+O / Strg+I / Strg+E",
    "New project / open project / import / export mask":
        "Neues Projekt / Projekt öffnen / Importieren / Maske exportieren",
    "Ctrl+Q": "Strg+Q",
    "Quit": "Beenden",
    "Key or gesture": "Taste oder Geste",
    "Action": "Aktion",
    "No scan loaded": "Kein Scan geladen",
    "%1 %2/%3": "%1 %2/%3",
    # Annotation tools (views/annotation).
    "Undo": "Rückgängig",
    "Redo": "Wiederholen",
    "Eraser stroke (%1)": "Radierstrich (%1)",
    "Brush stroke (%1)": "Pinselstrich (%1)",
    "Fill (%1)": "Füllen (%1)",
    "Polygon erase (%1)": "Polygon löschen (%1)",
    "Polygon fill (%1)": "Polygon füllen (%1)",
    "Autosave failed: %1": "Automatisches Speichern fehlgeschlagen: %1",
    "Interpolation (%1)": "Interpolation (%1)",
    "Remove islands under %1 voxels (%2)": "Inseln unter %1 Voxeln entfernen (%2)",
    "Keep largest piece (%1)": "Größtes Stück behalten (%1)",
    "Delete voxels (%1)": "Voxel löschen (%1)",
    "Merge %1 into %2": "%1 mit %2 zusammenführen",
    "Brush": "Pinsel",
    "Eraser": "Radierer",
    "Fill": "Füllen",
    "Polygon": "Polygon",
    "Active label": "Aktives Label",
    "Brush radius ([ smaller, ] larger)": "Pinselradius ([ kleiner, ] größer)",
    "voxels": "Voxel",
    "mm": "mm",
    "round": "rund",
    "square": "quadratisch",
    "2D (this slice)": "2D (diese Schicht)",
    "3D": "3D",
    "Radius": "Radius",
    "Shape": "Form",
    "Extent": "Ausdehnung",
    "Smaller brush": "Kleinerer Pinsel",
    "Larger brush": "Größerer Pinsel",
    "Paint over": "Übermalen",
    "everything": "alles",
    "background only": "nur Hintergrund",
    "only label:": "nur Label:",
    "Draw over": "Übermalen",
    "Only intensities from": "Nur Intensitäten von",
    "to": "bis",
    "Fill in 3D": "In 3D füllen",
    "any intensity": "jede Intensität",
    "Polygon erases its inside": "Polygon löscht sein Inneres",
    "Label commands": "Label-Befehle",
    "sagittal": "sagittal",
    "coronal": "koronal",
    "axial": "axial",
    "Interpolate": "Interpolieren",
    "Accept": "Übernehmen",
    "Discard": "Verwerfen",
    "Between slices": "Zwischen Schichten",
    " voxels": " Voxel",
    "Remove smaller islands": "Kleinere Inseln entfernen",
    "Keep largest": "Größtes behalten",
    "Delete label's voxels": "Voxel des Labels löschen",
    "Islands under": "Inseln unter",
    "Merge": "Zusammenführen",
    "Into label": "In Label",
    "%1 voxels, %2 ml": "%1 Voxel, %2 ml",
}

path = sys.argv[1] if len(sys.argv) > 1 else "translations/logonet_de.ts"
tree = ET.parse(path)
missing = 0
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in GERMAN:
        translation.text = GERMAN[source]
        translation.attrib.pop("type", None)
    else:
        missing += 1
        print(f"untranslated: {source!r}", file=sys.stderr)
tree.write(path, encoding="utf-8", xml_declaration=True)
sys.exit(1 if missing else 0)
