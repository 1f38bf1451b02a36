#!/usr/bin/python3
"""Fills translations/logonet_de.ts with the German texts below (run after update.sh).

Untranslated sources are listed on stderr so that a new string is never shipped in English
by accident.
"""
import sys
import xml.etree.ElementTree as ET

GERMAN = {
    "pretext accuracy %1 (chance %2, position-only %3": "Vortext-Genauigkeit %1 (Zufall %2, nur Position %3",
    ", crop-majority %1": ", Ausschnitt-Mehrheit %1",
    ": below position-only": ": unter nur Position",
    ": below crop-majority": ": unter Ausschnitt-Mehrheit",
    "Preparing import...": "Import wird vorbereitet...",
    "Paint range %1 .. %2": "Malbereich %1 .. %2",
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
    # Runs panel, curves and Dice chart (views/runs, views/plots)
    "Bars (mean and standard deviation)": "Balken (Mittelwert und Standardabweichung)",
    "Box plot of cases": "Boxplot der Fälle",
    "Dice": "Dice",
    "Runs": "Läufe",
    "Cannot start the engine '%1': %2": "Die Engine '%1' kann nicht gestartet werden: %2",
    "finished": "abgeschlossen",
    "stopped at %1/%2 (resumable)": "angehalten bei %1/%2 (fortsetzbar)",
    "running or interrupted at %1/%2": "läuft oder unterbrochen bei %1/%2",
    "not started": "nicht gestartet",
    "Fine-tuning": "Feinabstimmung",
    "Pre-training": "Vortraining",
    "Inference and scoring": "Inferenz und Bewertung",
    "Clustering": "Clustering",
    "Kind": "Art",
    "run name, e.g. logonet-tiny-1": "Name des Laufs, z. B. logonet-tiny-1",
    "Run": "Lauf",
    "Architecture": "Architektur",
    "Initialise from": "Initialisieren aus",
    "Iterations": "Iterationen",
    "Batch": "Batch",
    "One size for a cube, or X,Y,Z": "Eine Größe für einen Würfel, oder X,Y,Z",
    "Crop": "Ausschnitt",
    "Learning rate": "Lernrate",
    "Scored split": "Bewertete Aufteilung",
    "Device": "Gerät",
    "Mixed precision (AMP)": "Gemischte Genauigkeit (AMP)",
    "Activation checkpointing": "Aktivierungs-Checkpointing",
    "Clusterers": "Clusterer",
    "Masking": "Maskierung",
    "Start": "Starten",
    "Stop after writing a checkpoint; Resume continues":
        "Nach dem Schreiben eines Checkpoints anhalten; Fortsetzen macht weiter",
    "Resume": "Fortsetzen",
    "No run in progress": "Kein Lauf aktiv",
    "State": "Zustand",
    "Command line": "Befehlszeile",
    "Runs of the project": "Läufe des Projekts",
    "Curves": "Kurven",
    "Dice per organ": "Dice pro Organ",
    "Export plot...": "Diagramm exportieren...",
    "PNG or PDF of the plot shown, or CSV of its numbers":
        "PNG oder PDF des gezeigten Diagramms, oder CSV seiner Zahlen",
    "Export plot": "Diagramm exportieren",
    "PNG image (*.png);;PDF (*.pdf);;CSV (*.csv)": "PNG-Bild (*.png);;PDF (*.pdf);;CSV (*.csv)",
    "Exported %1": "%1 exportiert",
    "running": "läuft",
    "A run is in progress; cancel it first.": "Ein Lauf ist aktiv; zuerst abbrechen.",
    "Starting %1": "Starte %1",
    "Stopping: the engine writes a checkpoint first":
        "Halte an: die Engine schreibt zuerst einen Checkpoint",
    "%p% - %1 left": "%p% - noch %1",
    "Step %1 of %2, loss %3, %4 it/s": "Schritt %1 von %2, Verlust %3, %4 it/s",
    "Finished": "Abgeschlossen",
    "Finished; note: %1": "Abgeschlossen; Hinweis: %1",
    "Stopped at step %1; Resume continues from the checkpoint":
        "Angehalten bei Schritt %1; Fortsetzen macht am Checkpoint weiter",
    "Failed (exit code %1): %2": "Fehlgeschlagen (Exit-Code %1): %2",
    "Show": "Zeigen",
    "Total loss": "Gesamtverlust",
    "Dice loss": "Dice-Verlust",
    "Cross-entropy loss": "Kreuzentropie-Verlust",
    "Validation Dice per organ": "Validierungs-Dice pro Organ",
    "step": "Schritt",
    "%1\nstep %2: %3": "%1\nSchritt %2: %3",
    "Per-organ Dice as": "Dice pro Organ als",
    "Review cases": "Fälle prüfen",
    "Case": "Fall",
    "Mean Dice": "Mittlerer Dice",
    "Mean HD95 (mm)": "Mittlere HD95 (mm)",
    "Cannot open the case": "Der Fall kann nicht geöffnet werden",
    # Annotation in the main window: label versions, saving, the label set editor.
    "Annotation": "Annotation",
    "Edit labels": "Labels bearbeiten",
    "Ctrl+L": "Ctrl+L",
    "Switch the slice views to the annotation tools (Ctrl+L)":
        "Schnittansichten auf die Annotationswerkzeuge umschalten (Strg+L)",
    "Save labels": "Labels speichern",
    "Store the edited label map as a new version (Ctrl+S)":
        "Die bearbeitete Labelkarte als neue Version speichern (Strg+S)",
    "&Labels": "&Labels",
    "Label set...": "Labelsatz...",
    "Label editing": "Labelbearbeitung",
    "Restored %1 unsaved stroke(s) of this scan from the journal.":
        "%1 ungespeicherte Pinselstrich(e) dieses Scans aus dem Journal wiederhergestellt.",
    "Edits restored": "Änderungen wiederhergestellt",
    "Label versions": "Labelversionen",
    "label version %1 belongs to another scan": "Labelversion %1 gehört zu einem anderen Scan",
    "label version %1 does not fit its scan": "Labelversion %1 passt nicht zu ihrem Scan",
    "Cannot show label version": "Labelversion kann nicht angezeigt werden",
    "There is no editable label map to save.": "Es gibt keine bearbeitbare Labelkarte zum Speichern.",
    "Labels saved as version %1": "Labels als Version %1 gespeichert",
    "version %1 is not a prediction of this scan": "Version %1 ist keine Vorhersage dieses Scans",
    "Correct this prediction": "Diese Vorhersage korrigieren",
    "Unsaved label edits": "Ungespeicherte Labeländerungen",
    "The label map has edits that are not saved as a version. Save them now?":
        "Die Labelkarte hat Änderungen, die nicht als Version gespeichert sind. Jetzt speichern?",
    "Label set": "Labelsatz",
    "Labels:": "Labels:",
    "Copy the prediction into a new correction version and edit it":
        "Die Vorhersage in eine neue Korrekturversion kopieren und bearbeiten",
    "#%1 ground truth": "#%1 Ground Truth",
    "#%1 prediction of %2": "#%1 Vorhersage von %2",
    "#%1 correction of #%2": "#%1 Korrektur von #%2",
    "#%1 correction": "#%1 Korrektur",
    "none (unlabeled)": "keine (unannotiert)",
    "Value": "Wert",
    "Colour": "Farbe",
    "Add label": "Label hinzufügen",
    "Recolour...": "Umfärben...",
    "Delete label": "Label löschen",
    "Label maps keep their voxel values: relabel or clear the voxels of a deleted label before "
    "saving a map that uses it.":
        "Labelkarten behalten ihre Voxelwerte: Voxel eines gelöschten Labels vor dem Speichern "
        "einer Karte, die es nutzt, umlabeln oder leeren.",
    "label %1": "Label %1",
    "Label colour": "Labelfarbe",
    "Label %1 has no name.": "Label %1 hat keinen Namen.",
    "The name \"%1\" is used twice.": "Der Name \"%1\" wird doppelt verwendet.",
    "Ctrl+L / Ctrl+S": "Strg+L / Strg+S",
    "Label editing on / off, save the labels as a new version":
        "Labelbearbeitung ein / aus, Labels als neue Version speichern",
    "Ctrl+Z / Ctrl+Shift+Z": "Strg+Z / Strg+Umschalt+Z",
    "Undo / redo a label edit": "Labeländerung rückgängig / wiederherstellen",
    # Runs that outlive the window, and the QA review mode.
    "Following %1, started earlier": "Verfolge %1, früher gestartet",
    "the clustering": "das Clustering",
    "The engine stopped without reporting how (killed with its launcher, or the machine "
    "stopped). Its last output: %1":
        "Die Engine endete ohne Rückmeldung (mit ihrem Starter beendet, oder der Rechner "
        "stoppte). Ihre letzte Ausgabe: %1",
    "The engine was killed by signal %1. %2": "Die Engine wurde durch Signal %1 beendet. %2",
    "running at %1/%2": "läuft bei %1/%2",
    "failed at %1/%2: %3": "fehlgeschlagen bei %1/%2: %3",
    "died at %1/%2 without a final event (resumable)":
        "abgebrochen bei %1/%2 ohne abschließendes Ereignis (fortsetzbar)",
    "exit code %1": "Exit-Code %1",
    "Colours: TP / FP / FN": "Farben: RP / FP / FN",
    "Side by side": "Nebeneinander",
    "All organs": "Alle Organe",
    "true positive": "richtig positiv",
    "false positive": "falsch positiv",
    "false negative": "falsch negativ",
    "%1 against %2: %3 true positive, %4 false positive, %5 false negative voxels; Dice %6":
        "%1 gegen %2: %3 richtig positive, %4 falsch positive, %5 falsch negative Voxel; "
        "Dice %6",
    "Accepted": "Akzeptiert",
    "Needs correction": "Korrektur nötig",
    "Rejected": "Abgelehnt",
    "Comment, e.g. spleen tip missed on slices 40-44":
        "Kommentar, z. B. Milzspitze auf Schichten 40-44 verfehlt",
    "Save review": "Bewertung speichern",
    "Correct...": "Korrigieren...",
    "Copy this version as a correction and edit it with the annotation tools":
        "Diese Version als Korrektur kopieren und mit den Annotationswerkzeugen bearbeiten",
    "Review": "Prüfung",
    "stored %1": "gespeichert %1",
    "not reviewed yet": "noch nicht geprüft",
    "Reference": "Referenz",
    "Compared": "Verglichen",
    "label versions %1 and %2 are not both versions of the scan shown":
        "Labelversionen %1 und %2 gehören nicht beide zum angezeigten Scan",
    "%1 has no stored prediction of %2 (or the scan has no labels): showing the scan":
        "%1 hat keine gespeicherte Vorhersage von %2 (oder der Scan hat keine Labels): "
        "zeige den Scan",
    # Remote GPU hosts (views/remote) and the Runs panel's "where" choice.
    "Give the host name or address.": "Geben Sie den Hostnamen oder die Adresse an.",
    "The host name '%1' may hold only letters, digits, '.', '-' and '_'.":
        "Der Hostname '%1' darf nur Buchstaben, Ziffern, '.', '-' und '_' enthalten.",
    "The user name '%1' may hold only letters, digits, '.', '-' and '_'.":
        "Der Benutzername '%1' darf nur Buchstaben, Ziffern, '.', '-' und '_' enthalten.",
    "The engine ended with exit code %1.": "Die Engine endete mit Exit-Code %1.",
    "logonet %1 (LibTorch %2), %3 CPU cores": "logonet %1 (LibTorch %2), %3 CPU-Kerne",
    "CUDA: not available (training runs on the CPU there)":
        "CUDA: nicht verfügbar (das Training läuft dort auf der CPU)",
    "CUDA: yes, GPUs: %1": "CUDA: ja, GPUs: %1",
    "GPU %1: %2, %3 MiB": "GPU %1: %2, %3 MiB",
    " (%1 MiB free)": " (%1 MiB frei)",
    "Remote Hosts": "Entfernte Rechner",
    "Add": "Hinzufügen",
    "e.g. lab GPU server": "z. B. GPU-Server des Labors",
    "host name or address": "Hostname oder Adresse",
    "your user name there": "Ihr Benutzername dort",
    "empty: the ssh agent or ~/.ssh keys": "leer: der ssh-Agent oder die Schlüssel in ~/.ssh",
    "Runs and their cached cases are copied here; relative to the home folder unless it starts "
    "with /":
        "Läufe und ihre vorverarbeiteten Fälle werden hierher kopiert; relativ zum "
        "Home-Ordner, außer der Pfad beginnt mit /",
    "The engine built there with the engine preset; 'logonet' when it is on the PATH":
        "Die dort mit dem Preset engine gebaute Engine; 'logonet', wenn sie im PATH liegt",
    "Host": "Rechner",
    "Port": "Port",
    "User": "Benutzer",
    "Identity file": "Schlüsseldatei",
    "Remote work folder": "Arbeitsordner dort",
    "logonet there": "logonet dort",
    "Test connection": "Verbindung testen",
    "Trust host key...": "Rechnerschlüssel vertrauen...",
    "Keys only: no password is asked for or stored. Host keys are checked against "
    "~/.config/logonet/known_hosts.":
        "Nur Schlüssel: Es wird kein Passwort abgefragt oder gespeichert. Rechnerschlüssel "
        "werden mit ~/.config/logonet/known_hosts abgeglichen.",
    "Private key": "Privater Schlüssel",
    "GPU server %1": "GPU-Server %1",
    "Connecting to %1...": "Verbinde mit %1...",
    "Connected.": "Verbunden.",
    "The connection test failed: %1": "Der Verbindungstest ist fehlgeschlagen: %1",
    "Fetching the host key of %1...": "Hole den Rechnerschlüssel von %1...",
    "The host key could not be fetched: %1":
        "Der Rechnerschlüssel konnte nicht geholt werden: %1",
    "The host key of %1 is already trusted.":
        "Dem Rechnerschlüssel von %1 wird bereits vertraut.",
    "The host key is now trusted.": "Dem Rechnerschlüssel wird jetzt vertraut.",
    "The host offered no key.": "Der Rechner bot keinen Schlüssel an.",
    "Trust host key": "Rechnerschlüssel vertrauen",
    "%1 offers these keys:\n\n%2\n\nCompare them with the fingerprints the server's "
    "administrator reads on the server. Trust the %3 key?":
        "%1 bietet diese Schlüssel an:\n\n%2\n\nVergleichen Sie sie mit den Fingerabdrücken, "
        "die der Administrator auf dem Server abliest. Dem %3-Schlüssel vertrauen?",
    "Not trusted.": "Nicht vertraut.",
    "Run on this computer, or on a remote GPU host over SSH":
        "Auf diesem Computer oder über SSH auf einem entfernten GPU-Rechner ausführen",
    "Remote hosts...": "Entfernte Rechner...",
    "Where": "Wo",
    "This computer": "Dieser Computer",
    "Clustering runs on this computer: k-means takes seconds to minutes on the CPU and writes "
    "its clusters into the project's database. Choose 'This computer'.":
        "Das Clustering läuft auf diesem Computer: k-means braucht auf der CPU Sekunden bis "
        "Minuten und schreibt seine Cluster in die Datenbank des Projekts. Wählen Sie "
        "„Dieser Computer“.",
    "Inference runs on this computer: it reads the project's scans and stores the predictions "
    "and scores in the project. Choose 'This computer'.":
        "Die Inferenz läuft auf diesem Computer: Sie liest die Scans des Projekts und speichert "
        "Vorhersagen und Bewertungen im Projekt. Wählen Sie „Dieser Computer“.",
    # Cluster browser and masked sequences (views/clusters, views/masking).
    "%1 (K=%2)": "%1 (K=%2)",
    "%1 clusters, %2 of them with slices; %3 slices (%4, crop %5), inertia %6":
        "%1 Cluster, davon %2 mit Schichten; %3 Schichten (%4, Ausschnitt %5), Inertia %6",
    "%1, scan slice %2 (clustered slice %3), distance %4":
        "%1, Scan-Schicht %2 (geclusterte Schicht %3), Abstand %4",
    "%1: slice %2, cluster %3": "%1: Schicht %2, Cluster %3",
    "This scan is not in the clustering (test scans never are, labeled ones only with --include-labeled).":
        "Dieser Scan ist nicht in der Clusterung (Testscans nie, gelabelte nur mit "
        "--include-labeled).",
    "%1: its slices are shown as an older clustering's (the whole scan resampled to the crop); run the clustering again.":
        "%1: seine Schichten werden wie bei einer älteren Clusterung gezeigt (der ganze Scan auf "
        "den Ausschnitt umgerechnet); führen Sie die Clusterung erneut aus.",
    "%1: its %2 slices along the %3 axis, coloured by cluster":
        "%1: seine %2 Schichten entlang der Achse %3, nach Cluster eingefärbt",
    "%1\nslice %2": "%1\nSchicht %2",
    "Axis": "Achse",
    "Choose a cluster to see its slices.": "Wählen Sie einen Cluster, um seine Schichten zu sehen.",
    "Cluster %1 of %2: %3 slices, nearest to the centroid first":
        "Cluster %1 von %2: %3 Schichten, die dem Zentroid nächsten zuerst",
    "Cluster %1\n%2 slices": "Cluster %1\n%2 Schichten",
    "Cluster browser": "Cluster-Browser",
    "Cluster sizes": "Clustergrößen",
    "Cluster slices": "Schichten des Clusters",
    "Clusterer": "Clusterer",
    "Clusters": "Cluster",
    "Consecutive slices per masked run": "Aufeinanderfolgende Schichten je maskierter Folge",
    "Edge of the crop, cut from the middle of the scan prepared at the project's spacing, as `logonet masks --crop`":
        "Kantenlänge des Ausschnitts aus der Mitte des mit dem Projektabstand vorbereiteten Scans, "
        "wie `logonet masks --crop`",
    "Fraction of slices that end a masked run":
        "Anteil der Schichten, an denen eine maskierte Folge endet",
    "M": "M",
    "Masked sequences": "Maskierte Sequenzen",
    "Next": "Weiter",
    "No clustering to show for this scan.": "Für diesen Scan gibt es keine Clusterung.",
    "No project open.": "Kein Projekt geöffnet.",
    "No slice is masked: floor(phi1 x %1 slices) is 0.":
        "Keine Schicht ist maskiert: floor(phi1 x %1 Schichten) ist 0.",
    "Open a scan to see its masked sequences.":
        "Öffnen Sie einen Scan, um seine maskierten Sequenzen zu sehen.",
    "Open a scan to see its slices' clusters.":
        "Öffnen Sie einen Scan, um die Cluster seiner Schichten zu sehen.",
    "Open a scan to see the masked sequences pre-training draws from it.":
        "Öffnen Sie einen Scan, um die maskierten Sequenzen zu sehen, die das Vortraining "
        "daraus zieht.",
    "Page %1 of %2 (%3 slices)": "Seite %1 von %2 (%3 Schichten)",
    "Preparing the crop ...": "Der Ausschnitt wird vorbereitet ...",
    "Previous": "Zurück",
    "Probability that a patch of a masked slice is zeroed":
        "Wahrscheinlichkeit, dass ein Patch einer maskierten Schicht genullt wird",
    "Read the project's clustering again (after a clustering run)":
        "Die Clusterung des Projekts neu lesen (nach einem Clustering-Lauf)",
    "Reading %1 and preparing it as pre-training does (%2) ...":
        "Lese %1 und bereite es wie das Vortraining vor (%2) ...",
    "Reload": "Neu laden",
    "Run %1: slices %2-%3 (before | after masking)":
        "Folge %1: Schichten %2-%3 (vor | nach dem Maskieren)",
    "Seed": "Seed",
    "Slices per cluster": "Schichten je Cluster",
    "The seed of `logonet masks --seed`": "Der Seed von `logonet masks --seed`",
    "phi1": "phi1",
    "phi2": "phi2",
    "scan %1 is not in the project": "Scan %1 ist nicht im Projekt",
    "scan %1": "Scan %1",
    "slice %1": "Schicht %1",
    "slice %1, patch %2 px\n%3 of %4 patches zeroed":
        "Schicht %1, Patch %2 px\n%3 von %4 Patches genullt",
    "No clustering yet: run a clustering from the Runs panel or "
    "`logonet cluster --project DIR`.":
        "Noch keine Clusterung: Starten Sie eine Clusterung im Runs-Fenster oder mit "
        "`logonet cluster --project DIR`.",
    "%1 of %2 slices masked in %3 runs of M = %4 (seed %5); the same plan as "
    "`logonet masks --seed %5 --phi1 %6 --phi2 %7 --length %4 --axis %8 --crop %9`.":
        "%1 von %2 Schichten in %3 Folgen mit M = %4 maskiert (Seed %5); derselbe Plan wie "
        "`logonet masks --seed %5 --phi1 %6 --phi2 %7 --length %4 --axis %8 --crop %9`.",
    # The run list's evaluation states and the question when closing with a run going.
    "evaluating %1/%2 cases": "Auswertung %1/%2 Fälle",
    "evaluating": "wird ausgewertet",
    "evaluated": "ausgewertet",
    "evaluation cancelled": "Auswertung abgebrochen",
    "evaluation failed: %1": "Auswertung fehlgeschlagen: %1",
    "evaluation died without a final result": "Auswertung endete ohne Endergebnis",
    "The clustering": "Die Clusterung",
    "Evaluating %1: %2 of %3 cases scored (last %4)":
        "Auswertung von %1: %2 von %3 Fällen bewertet (zuletzt %4)",
    "Evaluation cancelled": "Auswertung abgebrochen",
    "Run in progress": "Lauf in Arbeit",
    "%1 is still running. It continues in the background and the workstation reattaches when "
    "you reopen the project.":
        "%1 läuft noch. Der Lauf geht im Hintergrund weiter, und die Workstation verbindet sich "
        "wieder mit ihm, wenn Sie das Projekt erneut öffnen.",
    "Keep running": "Weiterlaufen lassen",
    "Stop run": "Lauf anhalten",
    "Stopping %1: the engine writes a checkpoint first":
        "%1 wird angehalten: die Engine schreibt zuerst einen Checkpoint",
    "Stop waiting": "Nicht mehr warten",
    "Stopping the run": "Lauf wird angehalten",
    "%1 labeled, %2 unlabeled.": "%1 mit Labels, %2 ohne Labels.",
    "%1 label file(s) attached to scans already in the project.":
        "%1 Label-Datei(en) an Scans angehängt, die schon im Projekt waren.",
    "Export": "Exportieren",
    "Export label maps": "Label-Karten exportieren",
    "nnU-Net / MSD (labelsTr/<case>.nii.gz)": "nnU-Net / MSD (labelsTr/<case>.nii.gz)",
    "One folder of NIfTI files (<case>.nii.gz)": "Ein Ordner mit NIfTI-Dateien (<case>.nii.gz)",
    "Folder to write into": "Zielordner",
    "Folder": "Ordner",
    "Layout": "Aufbau",
    "Exported %1 of %2": "%1 von %2 exportiert",
    "%n scan(s)": ("%n Scan", "%n Scans"),
    "Choose a folder and at least one scan.": "Wählen Sie einen Ordner und mindestens einen Scan.",
    "An export is in progress.": "Ein Export läuft.",
    "Exporting...": "Exportiere...",
    "Cancelled: %1 label map(s) written": "Abgebrochen: %1 Label-Karte(n) geschrieben",
    "Wrote %1 label map(s) to %2": "%1 Label-Karte(n) nach %2 geschrieben",
    "Not exported:": "Nicht exportiert:",
    "Export label maps into": "Label-Karten exportieren nach",
    "Cannot open %1: %2": "%1 kann nicht geöffnet werden: %2",
    "%1: no label map to export": "%1: keine Label-Karte zum Exportieren",
    "Predict this scan...": "Diesen Scan vorhersagen...",
    "Predict selected scans...": "Ausgewählte Scans vorhersagen...",
    "Export labels of selected scans...": "Labels der ausgewählten Scans exportieren...",
    "Segment the scan shown with a trained run of this project":
        "Den angezeigten Scan mit einem trainierten Lauf dieses Projekts segmentieren",
    "Write the selected scans' label maps as NIfTI (nnU-Net layout or one folder)":
        "Die Label-Karten der ausgewählten Scans als NIfTI schreiben (nnU-Net-Aufbau oder ein Ordner)",
    "Prediction": "Vorhersage",
    "Open a project and choose a scan to predict":
        "Öffnen Sie ein Projekt und wählen Sie einen Scan zur Vorhersage",
    "A prediction is in progress": "Eine Vorhersage läuft",
    "Open a project and choose scans to export":
        "Öffnen Sie ein Projekt und wählen Sie Scans zum Exportieren",
    "Prediction stored as label version %1 of scan %2":
        "Vorhersage als Label-Version %1 von Scan %2 gespeichert",
    "%1 s left": "noch %1 s",
    "%1 min left": "noch %1 min",
    "Predict": "Vorhersagen",
    "Predict with a trained run": "Mit einem trainierten Lauf vorhersagen",
    "A trained run of this project; its best checkpoint predicts":
        "Ein trainierter Lauf dieses Projekts; sein bester Checkpoint sagt vorher",
    "%1 scans (%2, ...)": "%1 Scans (%2, ...)",
    "This project has no trained run yet: train one in the Runs panel.":
        "Dieses Projekt hat noch keinen trainierten Lauf: trainieren Sie einen im Bereich Läufe.",
    "Each prediction becomes a label version named after the run.":
        "Jede Vorhersage wird eine Label-Version mit dem Namen des Laufs.",
    "Choose a trained run and at least one scan.":
        "Wählen Sie einen trainierten Lauf und mindestens einen Scan.",
    "%p% - estimating the time left": "%p% - Restzeit wird geschätzt",
    "Predicting %1 scan(s) with %2 on %3": "Sage %1 Scan(s) mit %2 auf %3 vorher",
    "CPU": "CPU",
    "GPU (CUDA)": "GPU (CUDA)",
    "This computer, or a remote host of Remote Hosts (Runs panel): the scans and the run's "
    "checkpoint are copied there, the predictions back":
        "Dieser Computer oder ein Rechner aus 'Entfernte Rechner' (Bereich Läufe): die Scans und "
        "der Checkpoint des Laufs werden dorthin kopiert, die Vorhersagen zurück",
    "Cancelling...": "Wird abgebrochen...",
    "Predicted %1 of %2 scans": "%1 von %2 Scans vorhergesagt",
    "Finished: %1 prediction(s) stored as label versions of %2":
        "Fertig: %1 Vorhersage(n) als Label-Versionen von %2 gespeichert",
    "Cannot start the engine: %1": "Die Engine kann nicht gestartet werden: %1",
    "A prediction is in progress.": "Eine Vorhersage läuft.",
    "Cancelled after %1 of %2 scans": "Nach %1 von %2 Scans abgebrochen",
    "The engine stopped (exit code %1)": "Die Engine wurde beendet (Exit-Code %1)",
    "Choose a verdict": "Urteil wählen",
    "Next case": "Nächster Fall",
    "Open the next case of the run's list, worst first":
        "Den nächsten Fall aus der Liste des Laufs öffnen, schlechteste zuerst",
    "choose a verdict first": "zuerst ein Urteil wählen",
    "Select an evaluated run in the Runs panel first":
        "Wählen Sie zuerst einen ausgewerteten Lauf im Bereich Läufe",
    "That was the last case of %1": "Das war der letzte Fall von %1",
    "Preparing the run's scans: %1 of %2": "Scans des Laufs werden vorbereitet: %1 von %2",
    "auto (fine-tuning: the median prepared case, a multiple of 32, at most 96), one size for a cube, or X,Y,Z":
        "auto (Feinabstimmung: der mittlere vorbereitete Fall, ein Vielfaches von 32, höchstens 96), "
        "eine Größe für einen Würfel, oder X,Y,Z",
    "Project setting": "Projekteinstellung",
    "Each scan's own (auto)": "Die jedes Scans (auto)",
    "CT (Hounsfield window)": "CT (Hounsfield-Fenster)",
    "MR (percentiles)": "MR (Perzentile)",
    "Modality": "Modalität",
    "Target spacing X,Y,Z in mm; empty: the project's setting":
        "Ziel-Voxelabstand X,Y,Z in mm; leer: die Projekteinstellung",
    "Spacing": "Voxelabstand",
    "the project's setting": "die Projekteinstellung",
    "Project setting (%1)": "Projekteinstellung (%1)",
    "project: %1 mm; its scans suggest %2 mm": "Projekt: %1 mm; seine Scans legen %2 mm nahe",
    "Set split": "Aufteilung festlegen",
    "Set modality": "Modalität festlegen",
    "Attach label file...": "Label-Datei anhängen...",
    "Remove scan...": "Scan entfernen...",
    "Split project into k folds...": "Projekt in k Folds aufteilen...",
    "Add a label map file as ground truth of this scan (its grid must be the scan's)":
        "Eine Label-Karte als Ground Truth dieses Scans hinzufügen (ihr Gitter muss das des Scans sein)",
    "Deal the non-test scans into k cross-validation folds":
        "Die Nicht-Test-Scans auf k Kreuzvalidierungs-Folds verteilen",
    "Train": "Training",
    "Validation": "Validierung",
    "Test": "Test",
    "Cannot set the split": "Die Aufteilung kann nicht festgelegt werden",
    "Cannot set the modality": "Die Modalität kann nicht festgelegt werden",
    "Show a scan to attach a label file to": "Zeigen Sie einen Scan an, um eine Label-Datei anzuhängen",
    "Attach a label file to the scan shown": "Eine Label-Datei an den angezeigten Scan anhängen",
    "Label maps (*.nii.gz *.nii *.nrrd *.mha *.mhd)": "Label-Karten (*.nii.gz *.nii *.nrrd *.mha *.mhd)",
    "Label file refused": "Label-Datei abgelehnt",
    "Attached %1 as ground truth": "%1 als Ground Truth angehängt",
    "Cannot remove": "Entfernen nicht möglich",
    "Remove scans": "Scans entfernen",
    "Remove from the project, with their files:\n%1\n\nThis cannot be undone.":
        "Aus dem Projekt entfernen, mit ihren Dateien:\n%1\n\nDies kann nicht rückgängig gemacht werden.",
    "Removed %n scan(s)": ("%n Scan entfernt", "%n Scans entfernt"),
    "Cross-validation folds": "Kreuzvalidierungs-Folds",
    "Deal the non-test scans into how many folds?": "Die Nicht-Test-Scans auf wie viele Folds verteilen?",
    "Cannot make folds": "Folds können nicht gebildet werden",
    "Fold": "Fold",
    "Keep scratch project as...": "Entwurfsprojekt behalten als...",
    "Copy the scratch project these files opened in to a folder of yours":
        "Das Entwurfsprojekt, in dem diese Dateien geöffnet wurden, in einen eigenen Ordner kopieren",
    "Choose an empty folder to keep the project in":
        "Wählen Sie einen leeren Ordner für das Projekt",
    "No image file to open": "Keine Bilddatei zum Öffnen",
    "Opened in a scratch project (%1); File > Keep scratch project as... keeps it":
        "In einem Entwurfsprojekt geöffnet (%1); Datei > Entwurfsprojekt behalten als... behält es",
    "The open project is not a scratch project": "Das geöffnete Projekt ist kein Entwurfsprojekt",
    "%1: the folder must be empty or absent": "%1: der Ordner muss leer sein oder fehlen",
    "Slice views: zoom about the pointer (up: in, down: out)":
        "Schichtansichten: um den Mauszeiger zoomen (hoch: hinein, runter: heraus)",
    "Shift + left drag": "Umschalt + Ziehen links",
    "W / L boxes (Display tab)": "Felder W / L (Reiter Anzeige)",
    "Type the window width and level": "Fensterbreite und -mitte eingeben",
    "1 / 2 / 3 / 4": "1 / 2 / 3 / 4",
    "B / E / F / P": "B / E / F / P",
    "Annotation tools: brush, eraser, fill, polygon":
        "Annotationswerkzeuge: Pinsel, Radierer, Füllen, Polygon",
    "[ / ]": "[ / ]",
    "Smaller / larger brush": "Kleinerer / größerer Pinsel",
    "Edit mode: left / right drag": "Bearbeitungsmodus: Ziehen links / rechts",
    "Paint the active label / erase": "Das aktive Label malen / radieren",
    "Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y": "Strg+Z / Strg+Umschalt+Z / Strg+Y",
    "F1": "F1",
    "This list": "Diese Liste",
    "W": "W",
    "Window width and level; Shift+drag in a slice view changes them too":
        "Fensterbreite und -mitte; Umschalt+Ziehen in einer Schichtansicht ändert sie auch",
    "ITK-SNAP label descriptions (*.txt *.label)": "ITK-SNAP-Labelbeschreibungen (*.txt *.label)",
    "3D Slicer colour table (*.ctbl *.txt)": "3D-Slicer-Farbtabelle (*.ctbl *.txt)",
    "Import...": "Importieren...",
    "Read an ITK-SNAP label description file or a Slicer colour table":
        "Eine ITK-SNAP-Labelbeschreibung oder eine Slicer-Farbtabelle lesen",
    "Export...": "Exportieren...",
    "Write these labels for ITK-SNAP or 3D Slicer": "Diese Labels für ITK-SNAP oder 3D Slicer schreiben",
    "%1 is neither an ITK-SNAP label file (%2) nor a Slicer colour table (%3)":
        "%1 ist weder eine ITK-SNAP-Labeldatei (%2) noch eine Slicer-Farbtabelle (%3)",
    "All files (*)": "Alle Dateien (*)",
    "Import label descriptions": "Labelbeschreibungen importieren",
    "Export label descriptions": "Labelbeschreibungen exportieren",
    "Pre-training experiment": "Vortrainings-Experiment",
    "Labeled cases for fine-tuning": "Annotierte Fälle für die Feinabstimmung",
    "Mean Dice, held-out cases": "Mittlerer Dice, zurückgehaltene Fälle",
    "Open a project to see its pre-training experiment.":
        "Öffnen Sie ein Projekt, um sein Vortrainings-Experiment zu sehen.",
    "No pre-training experiment yet: run `logonet experiment pretraining --project %1`":
        "Noch kein Vortrainings-Experiment: führen Sie `logonet experiment pretraining "
        "--project %1` aus",
    "Cannot show the pre-training experiment: %1":
        "Das Vortrainings-Experiment kann nicht angezeigt werden: %1",
    "From scratch": "Ohne Vortraining",
    "Pre-trained": "Vortrainiert",
    "No masking (control)": "Ohne Maskierung (Kontrolle)",
    "One clusterer (control)": "Ein Clusterer (Kontrolle)",
    "Shuffled pseudo-labels (control)": "Vertauschte Pseudo-Labels (Kontrolle)",
    "Pre-trained encoders only (control)": "Nur vortrainierte Encoder (Kontrolle)",
    "Supervised initialisation (upper bound)": "Überwachte Initialisierung (Obergrenze)",
    "1 seed": "1 Seed",
    "%1 paired seeds": "%1 gepaarte Seeds",
    "measured %1": "gemessen %1",
    "took %1 min": "Dauer %1 min",
    "quick run (--quick)": "Schnelldurchlauf (--quick)",
    "Arm": "Arm",
    "%1 labeled": "%1 annotiert",
    "Pre-trained minus scratch (paired)": "Vortrainiert minus ohne Vortraining (gepaart)",
    "Clusters per clusterer (K)": "Cluster je Clusterer (K)",
    "to": "bis",
    "Temperature of the pre-training loss: softmax(logits / tau)":
        "Temperatur des Vortrainingsverlusts: softmax(logits / tau)",
    "Temperature (tau)": "Temperatur (tau)",
}

path = sys.argv[1] if len(sys.argv) > 1 else "translations/logonet_de.ts"
tree = ET.parse(path)
missing = 0
for message in tree.getroot().iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in GERMAN:
        german = GERMAN[source]
        if message.get("numerus") == "yes":
            # Plural messages (%n): German's two forms, singular then plural.
            singular, plural = german if isinstance(german, tuple) else (german, german)
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for text in (singular, plural):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = german
        translation.attrib.pop("type", None)
    else:
        missing += 1
        print(f"untranslated: {source!r}", file=sys.stderr)
tree.write(path, encoding="utf-8", xml_declaration=True)
sys.exit(1 if missing else 0)
