<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ImportProgress</name>
    <message>
        <source>Preparing import...</source>
        <translation>Import wird vorbereitet...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import scans</source>
        <translation>Scans importieren</translation>
    </message>
    <message>
        <source>Cancelling after the current scan...</source>
        <translation>Abbruch nach dem aktuellen Scan...</translation>
    </message>
    <message>
        <source>Importing %1 (%2 of %3)</source>
        <translation>Importiere %1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1 scan(s) imported.</source>
        <translation>%1 Scan(s) importiert.</translation>
    </message>
    <message>
        <source>%1 already in the project (same content).</source>
        <translation>%1 bereits im Projekt (gleicher Inhalt).</translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 failed:</source>
        <translation>%1 fehlgeschlagen:</translation>
    </message>
    <message>
        <source>%1 labeled, %2 unlabeled.</source>
        <translation>%1 mit Labels, %2 ohne Labels.</translation>
    </message>
    <message>
        <source>%1 label file(s) attached to scans already in the project.</source>
        <translation>%1 Label-Datei(en) an Scans angehängt, die schon im Projekt waren.</translation>
    </message>
</context>
<context>
    <name>LabelSetEditor</name>
    <message>
        <source>ITK-SNAP label descriptions (*.txt *.label)</source>
        <translation>ITK-SNAP-Labelbeschreibungen (*.txt *.label)</translation>
    </message>
    <message>
        <source>3D Slicer colour table (*.ctbl *.txt)</source>
        <translation>3D-Slicer-Farbtabelle (*.ctbl *.txt)</translation>
    </message>
</context>
<context>
    <name>RemoteHost</name>
    <message>
        <source>Give the host name or address.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse an.</translation>
    </message>
    <message>
        <source>The host name '%1' may hold only letters, digits, '.', '-' and '_'.</source>
        <translation>Der Hostname '%1' darf nur Buchstaben, Ziffern, '.', '-' und '_' enthalten.</translation>
    </message>
    <message>
        <source>The user name '%1' may hold only letters, digits, '.', '-' and '_'.</source>
        <translation>Der Benutzername '%1' darf nur Buchstaben, Ziffern, '.', '-' und '_' enthalten.</translation>
    </message>
</context>
<context>
    <name>RemoteHostChoice</name>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
</context>
<context>
    <name>RunRequest</name>
    <message>
        <source>Clustering runs on this computer: k-means takes seconds to minutes on the CPU and writes its clusters into the project's database. Choose 'This computer'.</source>
        <translation>Das Clustering läuft auf diesem Computer: k-means braucht auf der CPU Sekunden bis Minuten und schreibt seine Cluster in die Datenbank des Projekts. Wählen Sie „Dieser Computer“.</translation>
    </message>
    <message>
        <source>Inference runs on this computer: it reads the project's scans and stores the predictions and scores in the project. Choose 'This computer'.</source>
        <translation>Die Inferenz läuft auf diesem Computer: Sie liest die Scans des Projekts und speichert Vorhersagen und Bewertungen im Projekt. Wählen Sie „Dieser Computer“.</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped at %1/%2 (resumable)</source>
        <translation>angehalten bei %1/%2 (fortsetzbar)</translation>
    </message>
    <message>
        <source>running or interrupted at %1/%2</source>
        <translation>läuft oder unterbrochen bei %1/%2</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>running at %1/%2</source>
        <translation>läuft bei %1/%2</translation>
    </message>
    <message>
        <source>failed at %1/%2: %3</source>
        <translation>fehlgeschlagen bei %1/%2: %3</translation>
    </message>
    <message>
        <source>died at %1/%2 without a final event (resumable)</source>
        <translation>abgebrochen bei %1/%2 ohne abschließendes Ereignis (fortsetzbar)</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>evaluating %1/%2 cases</source>
        <translation>Auswertung %1/%2 Fälle</translation>
    </message>
    <message>
        <source>evaluating</source>
        <translation>wird ausgewertet</translation>
    </message>
    <message>
        <source>evaluated</source>
        <translation>ausgewertet</translation>
    </message>
    <message>
        <source>evaluation cancelled</source>
        <translation>Auswertung abgebrochen</translation>
    </message>
    <message>
        <source>evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>evaluation died without a final result</source>
        <translation>Auswertung endete ohne Endergebnis</translation>
    </message>
    <message>
        <source>pretext accuracy %1 (chance %2, position-only %3</source>
        <translation>Vortext-Genauigkeit %1 (Zufall %2, nur Position %3</translation>
    </message>
    <message>
        <source>, crop-majority %1</source>
        <translation>, Ausschnitt-Mehrheit %1</translation>
    </message>
    <message>
        <source>: below position-only</source>
        <translation>: unter nur Position</translation>
    </message>
    <message>
        <source>: below crop-majority</source>
        <translation>: unter Ausschnitt-Mehrheit</translation>
    </message>
</context>
<context>
    <name>RunningRunQuestion</name>
    <message>
        <source>Run in progress</source>
        <translation>Lauf in Arbeit</translation>
    </message>
    <message>
        <source>%1 is still running. It continues in the background and the workstation reattaches when you reopen the project.</source>
        <translation>%1 läuft noch. Der Lauf geht im Hintergrund weiter, und die Workstation verbindet sich wieder mit ihm, wenn Sie das Projekt erneut öffnen.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Stop run</source>
        <translation>Lauf anhalten</translation>
    </message>
    <message>
        <source>Stopping %1: the engine writes a checkpoint first</source>
        <translation>%1 wird angehalten: die Engine schreibt zuerst einen Checkpoint</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Stopping the run</source>
        <translation>Lauf wird angehalten</translation>
    </message>
</context>
<context>
    <name>SlicePlane</name>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
</context>
<context>
    <name>VoxelReadout</name>
    <message>
        <source>Voxel (%1, %2, %3)   World (%4, %5, %6) mm   Intensity %7</source>
        <translation>Voxel (%1, %2, %3)   Welt (%4, %5, %6) mm   Intensität %7</translation>
    </message>
    <message>
        <source>background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <source>   Label %1 (%2)</source>
        <translation>   Label %1 (%2)</translation>
    </message>
</context>
<context>
    <name>WindowLevel</name>
    <message>
        <source>CT abdomen</source>
        <translation>CT Abdomen</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT Lunge</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
    <message>
        <source>CT brain</source>
        <translation>CT Gehirn</translation>
    </message>
</context>
<context>
    <name>logonet::views::AnnotationController</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Eraser stroke (%1)</source>
        <translation>Radierstrich (%1)</translation>
    </message>
    <message>
        <source>Brush stroke (%1)</source>
        <translation>Pinselstrich (%1)</translation>
    </message>
    <message>
        <source>Fill (%1)</source>
        <translation>Füllen (%1)</translation>
    </message>
    <message>
        <source>Polygon erase (%1)</source>
        <translation>Polygon löschen (%1)</translation>
    </message>
    <message>
        <source>Polygon fill (%1)</source>
        <translation>Polygon füllen (%1)</translation>
    </message>
    <message>
        <source>Remove islands under %1 voxels (%2)</source>
        <translation>Inseln unter %1 Voxeln entfernen (%2)</translation>
    </message>
    <message>
        <source>Keep largest piece (%1)</source>
        <translation>Größtes Stück behalten (%1)</translation>
    </message>
    <message>
        <source>Delete voxels (%1)</source>
        <translation>Voxel löschen (%1)</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>%1 mit %2 zusammenführen</translation>
    </message>
</context>
<context>
    <name>logonet::views::AnnotationPanel</name>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radierer</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>Active label</source>
        <translation>Aktives Label</translation>
    </message>
    <message>
        <source>Brush radius ([ smaller, ] larger)</source>
        <translation>Pinselradius ([ kleiner, ] größer)</translation>
    </message>
    <message>
        <source>voxels</source>
        <translation>Voxel</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>round</source>
        <translation>rund</translation>
    </message>
    <message>
        <source>square</source>
        <translation>quadratisch</translation>
    </message>
    <message>
        <source>2D (this slice)</source>
        <translation>2D (diese Schicht)</translation>
    </message>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Extent</source>
        <translation>Ausdehnung</translation>
    </message>
    <message>
        <source>Smaller brush</source>
        <translation>Kleinerer Pinsel</translation>
    </message>
    <message>
        <source>Larger brush</source>
        <translation>Größerer Pinsel</translation>
    </message>
    <message>
        <source>Paint over</source>
        <translation>Übermalen</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>background only</source>
        <translation>nur Hintergrund</translation>
    </message>
    <message>
        <source>only label:</source>
        <translation>nur Label:</translation>
    </message>
    <message>
        <source>Draw over</source>
        <translation>Übermalen</translation>
    </message>
    <message>
        <source>Only intensities from</source>
        <translation>Nur Intensitäten von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Fill in 3D</source>
        <translation>In 3D füllen</translation>
    </message>
    <message>
        <source>any intensity</source>
        <translation>jede Intensität</translation>
    </message>
    <message>
        <source>Polygon erases its inside</source>
        <translation>Polygon löscht sein Inneres</translation>
    </message>
    <message>
        <source>Label commands</source>
        <translation>Label-Befehle</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>koronal</translation>
    </message>
    <message>
        <source>axial</source>
        <translation>axial</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>Interpolieren</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Between slices</source>
        <translation>Zwischen Schichten</translation>
    </message>
    <message>
        <source> voxels</source>
        <translation> Voxel</translation>
    </message>
    <message>
        <source>Remove smaller islands</source>
        <translation>Kleinere Inseln entfernen</translation>
    </message>
    <message>
        <source>Keep largest</source>
        <translation>Größtes behalten</translation>
    </message>
    <message>
        <source>Delete label's voxels</source>
        <translation>Voxel des Labels löschen</translation>
    </message>
    <message>
        <source>Islands under</source>
        <translation>Inseln unter</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Into label</source>
        <translation>In Label</translation>
    </message>
    <message>
        <source>%1 voxels, %2 ml</source>
        <translation>%1 Voxel, %2 ml</translation>
    </message>
</context>
<context>
    <name>logonet::views::CaseReviewTable</name>
    <message>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <source>Mean Dice</source>
        <translation>Mittlerer Dice</translation>
    </message>
    <message>
        <source>Mean HD95 (mm)</source>
        <translation>Mittlere HD95 (mm)</translation>
    </message>
</context>
<context>
    <name>logonet::views::ClusterBrowser</name>
    <message>
        <source>Clusterer</source>
        <translation>Clusterer</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Read the project's clustering again (after a clustering run)</source>
        <translation>Die Clusterung des Projekts neu lesen (nach einem Clustering-Lauf)</translation>
    </message>
    <message>
        <source>Cluster slices</source>
        <translation>Schichten des Clusters</translation>
    </message>
    <message>
        <source>Cluster sizes</source>
        <translation>Clustergrößen</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
        <source>%1 (K=%2)</source>
        <translation>%1 (K=%2)</translation>
    </message>
    <message>
        <source>No clustering yet: run a clustering from the Runs panel or `logonet cluster --project DIR`.</source>
        <translation>Noch keine Clusterung: Starten Sie eine Clusterung im Runs-Fenster oder mit `logonet cluster --project DIR`.</translation>
    </message>
    <message>
        <source>Cluster %1
%2 slices</source>
        <translation>Cluster %1
%2 Schichten</translation>
    </message>
    <message>
        <source>%1 clusters, %2 of them with slices; %3 slices (%4, crop %5), inertia %6</source>
        <translation>%1 Cluster, davon %2 mit Schichten; %3 Schichten (%4, Ausschnitt %5), Inertia %6</translation>
    </message>
    <message>
        <source>Cluster %1 of %2: %3 slices, nearest to the centroid first</source>
        <translation>Cluster %1 von %2: %3 Schichten, die dem Zentroid nächsten zuerst</translation>
    </message>
    <message>
        <source>No clustering to show for this scan.</source>
        <translation>Für diesen Scan gibt es keine Clusterung.</translation>
    </message>
    <message>
        <source>Open a scan to see its slices' clusters.</source>
        <translation>Öffnen Sie einen Scan, um die Cluster seiner Schichten zu sehen.</translation>
    </message>
    <message>
        <source>scan %1</source>
        <translation>Scan %1</translation>
    </message>
    <message>
        <source>%1: its %2 slices along the %3 axis, coloured by cluster</source>
        <translation>%1: seine %2 Schichten entlang der Achse %3, nach Cluster eingefärbt</translation>
    </message>
    <message>
        <source>%1: its slices are shown as an older clustering's (the whole scan resampled to the crop); run the clustering again.</source>
        <translation>%1: seine Schichten werden wie bei einer älteren Clusterung gezeigt (der ganze Scan auf den Ausschnitt umgerechnet); führen Sie die Clusterung erneut aus.</translation>
    </message>
    <message>
        <source>This scan is not in the clustering (test scans never are, labeled ones only with --include-labeled).</source>
        <translation>Dieser Scan ist nicht in der Clusterung (Testscans nie, gelabelte nur mit --include-labeled).</translation>
    </message>
</context>
<context>
    <name>logonet::views::ClusterMembersView</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Choose a cluster to see its slices.</source>
        <translation>Wählen Sie einen Cluster, um seine Schichten zu sehen.</translation>
    </message>
    <message>
        <source>scan %1</source>
        <translation>Scan %1</translation>
    </message>
    <message>
        <source>%1
slice %2</source>
        <translation>%1
Schicht %2</translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3 slices)</source>
        <translation>Seite %1 von %2 (%3 Schichten)</translation>
    </message>
    <message>
        <source>%1, scan slice %2 (clustered slice %3), distance %4</source>
        <translation>%1, Scan-Schicht %2 (geclusterte Schicht %3), Abstand %4</translation>
    </message>
</context>
<context>
    <name>logonet::views::ClusterSizeHistogram</name>
    <message>
        <source>Slices per cluster</source>
        <translation>Schichten je Cluster</translation>
    </message>
    <message>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
</context>
<context>
    <name>logonet::views::ClusterStrip</name>
    <message>
        <source>%1: slice %2, cluster %3</source>
        <translation>%1: Schicht %2, Cluster %3</translation>
    </message>
</context>
<context>
    <name>logonet::views::DetachedRun</name>
    <message>
        <source>A run is in progress; cancel it first.</source>
        <translation>Ein Lauf ist aktiv; zuerst abbrechen.</translation>
    </message>
    <message>
        <source>The engine stopped without reporting how (killed with its launcher, or the machine stopped). Its last output: %1</source>
        <translation>Die Engine endete ohne Rückmeldung (mit ihrem Starter beendet, oder der Rechner stoppte). Ihre letzte Ausgabe: %1</translation>
    </message>
    <message>
        <source>The engine was killed by signal %1. %2</source>
        <translation>Die Engine wurde durch Signal %1 beendet. %2</translation>
    </message>
</context>
<context>
    <name>logonet::views::DiceChart</name>
    <message>
        <source>Per-organ Dice as</source>
        <translation>Dice pro Organ als</translation>
    </message>
    <message>
        <source>Bars (mean and standard deviation)</source>
        <translation>Balken (Mittelwert und Standardabweichung)</translation>
    </message>
    <message>
        <source>Box plot of cases</source>
        <translation>Boxplot der Fälle</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
</context>
<context>
    <name>logonet::views::ExportLabelsDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export label maps</source>
        <translation>Label-Karten exportieren</translation>
    </message>
    <message>
        <source>nnU-Net / MSD (labelsTr/&lt;case&gt;.nii.gz)</source>
        <translation>nnU-Net / MSD (labelsTr/&lt;case&gt;.nii.gz)</translation>
    </message>
    <message>
        <source>One folder of NIfTI files (&lt;case&gt;.nii.gz)</source>
        <translation>Ein Ordner mit NIfTI-Dateien (&lt;case&gt;.nii.gz)</translation>
    </message>
    <message>
        <source>Folder to write into</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Aufbau</translation>
    </message>
    <message>
        <source>Exported %1 of %2</source>
        <translation>%1 von %2 exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s)</source>
        <translation><numerusform>%n Scan</numerusform><numerusform>%n Scans</numerusform></translation>
    </message>
    <message>
        <source>Choose a folder and at least one scan.</source>
        <translation>Wählen Sie einen Ordner und mindestens einen Scan.</translation>
    </message>
    <message>
        <source>An export is in progress.</source>
        <translation>Ein Export läuft.</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>Exportiere...</translation>
    </message>
    <message>
        <source>Cancelled: %1 label map(s) written</source>
        <translation>Abgebrochen: %1 Label-Karte(n) geschrieben</translation>
    </message>
    <message>
        <source>Wrote %1 label map(s) to %2</source>
        <translation>%1 Label-Karte(n) nach %2 geschrieben</translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation>Nicht exportiert:</translation>
    </message>
    <message>
        <source>Export label maps into</source>
        <translation>Label-Karten exportieren nach</translation>
    </message>
</context>
<context>
    <name>logonet::views::FileDrop</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
</context>
<context>
    <name>logonet::views::ImportDialog</name>
    <message>
        <source>Unlabeled collection (ignore any label maps)</source>
        <translation>Unannotierte Sammlung (Labelkarten ignorieren)</translation>
    </message>
    <message>
        <source>Import scans</source>
        <translation>Scans importieren</translation>
    </message>
    <message>
        <source>Add image files (NIfTI, NRRD, MetaImage), folders of images, a Medical Segmentation Decathlon dataset.json or DICOM folders (each series becomes a scan).</source>
        <translation>Bilddateien (NIfTI, NRRD, MetaImage), Bildordner, eine dataset.json der Medical Segmentation Decathlon oder DICOM-Ordner hinzufügen (jede Serie wird ein Scan).</translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation>Dateien hinzufügen...</translation>
    </message>
    <message>
        <source>Add image folder...</source>
        <translation>Bildordner hinzufügen...</translation>
    </message>
    <message>
        <source>Add dataset.json...</source>
        <translation>dataset.json hinzufügen...</translation>
    </message>
    <message>
        <source>Add DICOM folder...</source>
        <translation>DICOM-Ordner hinzufügen...</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>optional: folder of label maps matched by file name</source>
        <translation>optional: Ordner mit Labelkarten, per Dateiname zugeordnet</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Label folder</source>
        <translation>Labelordner</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Folder of images</source>
        <translation>Bildordner</translation>
    </message>
    <message>
        <source>DICOM folder</source>
        <translation>DICOM-Ordner</translation>
    </message>
    <message>
        <source>Image files</source>
        <translation>Bilddateien</translation>
    </message>
    <message>
        <source>Images (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;All files (*)</source>
        <translation>Bilder (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>MSD dataset.json</source>
        <translation>MSD dataset.json</translation>
    </message>
    <message>
        <source>dataset.json (dataset.json)</source>
        <translation>dataset.json (dataset.json)</translation>
    </message>
    <message>
        <source>Folder of label maps</source>
        <translation>Ordner mit Labelkarten</translation>
    </message>
</context>
<context>
    <name>logonet::views::LabelEditSession</name>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Interpolation (%1)</source>
        <translation>Interpolation (%1)</translation>
    </message>
</context>
<context>
    <name>logonet::views::LabelExportTask</name>
    <message>
        <source>%1: no label map to export</source>
        <translation>%1: keine Label-Karte zum Exportieren</translation>
    </message>
</context>
<context>
    <name>logonet::views::LabelOverlayPanel</name>
    <message>
        <source>Show labels</source>
        <translation>Labels anzeigen</translation>
    </message>
    <message>
        <source>Show or hide the label overlay (L)</source>
        <translation>Label-Überlagerung ein- oder ausblenden (L)</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Gefüllt</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Show or hide the label overlay</source>
        <translation>Label-Überlagerung ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>logonet::views::LabelSetEditor</name>
    <message>
        <source>Label set</source>
        <translation>Labelsatz</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Label hinzufügen</translation>
    </message>
    <message>
        <source>Recolour...</source>
        <translation>Umfärben...</translation>
    </message>
    <message>
        <source>Delete label</source>
        <translation>Label löschen</translation>
    </message>
    <message>
        <source>Label maps keep their voxel values: relabel or clear the voxels of a deleted label before saving a map that uses it.</source>
        <translation>Labelkarten behalten ihre Voxelwerte: Voxel eines gelöschten Labels vor dem Speichern einer Karte, die es nutzt, umlabeln oder leeren.</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Labelfarbe</translation>
    </message>
    <message>
        <source>Label %1 has no name.</source>
        <translation>Label %1 hat keinen Namen.</translation>
    </message>
    <message>
        <source>The name "%1" is used twice.</source>
        <translation>Der Name "%1" wird doppelt verwendet.</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Importieren...</translation>
    </message>
    <message>
        <source>Read an ITK-SNAP label description file or a Slicer colour table</source>
        <translation>Eine ITK-SNAP-Labelbeschreibung oder eine Slicer-Farbtabelle lesen</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>Write these labels for ITK-SNAP or 3D Slicer</source>
        <translation>Diese Labels für ITK-SNAP oder 3D Slicer schreiben</translation>
    </message>
    <message>
        <source>%1 is neither an ITK-SNAP label file (%2) nor a Slicer colour table (%3)</source>
        <translation>%1 ist weder eine ITK-SNAP-Labeldatei (%2) noch eine Slicer-Farbtabelle (%3)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import label descriptions</source>
        <translation>Labelbeschreibungen importieren</translation>
    </message>
    <message>
        <source>Export label descriptions</source>
        <translation>Labelbeschreibungen exportieren</translation>
    </message>
</context>
<context>
    <name>logonet::views::LabelVersionSelector</name>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Correct this prediction</source>
        <translation>Diese Vorhersage korrigieren</translation>
    </message>
    <message>
        <source>Copy the prediction into a new correction version and edit it</source>
        <translation>Die Vorhersage in eine neue Korrekturversion kopieren und bearbeiten</translation>
    </message>
    <message>
        <source>#%1 ground truth</source>
        <translation>#%1 Ground Truth</translation>
    </message>
    <message>
        <source>#%1 prediction of %2</source>
        <translation>#%1 Vorhersage von %2</translation>
    </message>
    <message>
        <source>#%1 correction of #%2</source>
        <translation>#%1 Korrektur von #%2</translation>
    </message>
    <message>
        <source>#%1 correction</source>
        <translation>#%1 Korrektur</translation>
    </message>
    <message>
        <source>none (unlabeled)</source>
        <translation>keine (unannotiert)</translation>
    </message>
</context>
<context>
    <name>logonet::views::MainWindow</name>
    <message>
        <source>LoGoNet workstation</source>
        <translation>LoGoNet-Arbeitsplatz</translation>
    </message>
    <message>
        <source>Surfaces %p%</source>
        <translation>Oberflächen %p%</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Surface building cancelled</source>
        <translation>Oberflächenberechnung abgebrochen</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Window / level</source>
        <translation>Fenster / Level</translation>
    </message>
    <message>
        <source>Automatic (1st-99th percentile)</source>
        <translation>Automatisch (1.-99. Perzentil)</translation>
    </message>
    <message>
        <source>3D: show volume rendering</source>
        <translation>3D: Volumendarstellung zeigen</translation>
    </message>
    <message>
        <source>3D: rebuild label surfaces</source>
        <translation>3D: Label-Oberflächen neu berechnen</translation>
    </message>
    <message>
        <source>3D: reset camera</source>
        <translation>3D: Kamera zurücksetzen</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Anzeige</translation>
    </message>
    <message>
        <source>LoGoNet workstation - %1</source>
        <translation>LoGoNet-Arbeitsplatz - %1</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot list scans</source>
        <translation>Scans können nicht aufgelistet werden</translation>
    </message>
    <message>
        <source>Cannot show scan</source>
        <translation>Scan kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Export mask</source>
        <translation>Maske exportieren</translation>
    </message>
    <message>
        <source>The current scan has no label map to export.</source>
        <translation>Der aktuelle Scan hat keine Labelkarte zum Exportieren.</translation>
    </message>
    <message>
        <source>Mask written to %1</source>
        <translation>Maske nach %1 geschrieben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New project...</source>
        <translation>&amp;Neues Projekt...</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>Projekt ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
        <source>&amp;Import scans...</source>
        <translation>Scans &amp;importieren...</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export mask...</source>
        <translation>Maske &amp;exportieren...</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Reset slice views</source>
        <translation>Schichtansichten zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>Choose an empty folder for the new project</source>
        <translation>Leeren Ordner für das neue Projekt wählen</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>Import scans</source>
        <translation>Scans importieren</translation>
    </message>
    <message>
        <source>Export mask as NIfTI</source>
        <translation>Maske als NIfTI exportieren</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii)</source>
        <translation>NIfTI (*.nii.gz *.nii)</translation>
    </message>
    <message>
        <source>About the LoGoNet workstation</source>
        <translation>Über den LoGoNet-Arbeitsplatz</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LoGoNet workstation %1&lt;/h3&gt;&lt;p&gt;Look at 3D scans and their labels, correct them, pre-train and fine-tune the Masked LoGoNet segmentation network (KDD 2024) and review its predictions.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LoGoNet-Arbeitsplatz %1&lt;/h3&gt;&lt;p&gt;3D-Scans und ihre Labels ansehen und korrigieren, das Segmentierungsnetz Masked LoGoNet (KDD 2024) vortrainieren und feinabstimmen und seine Vorhersagen prüfen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Edit labels</source>
        <translation>Labels bearbeiten</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Switch the slice views to the annotation tools (Ctrl+L)</source>
        <translation>Schnittansichten auf die Annotationswerkzeuge umschalten (Strg+L)</translation>
    </message>
    <message>
        <source>Save labels</source>
        <translation>Labels speichern</translation>
    </message>
    <message>
        <source>Store the edited label map as a new version (Ctrl+S)</source>
        <translation>Die bearbeitete Labelkarte als neue Version speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Label editing</source>
        <translation>Labelbearbeitung</translation>
    </message>
    <message>
        <source>Edits restored</source>
        <translation>Änderungen wiederhergestellt</translation>
    </message>
    <message>
        <source>Label versions</source>
        <translation>Labelversionen</translation>
    </message>
    <message>
        <source>label version %1 belongs to another scan</source>
        <translation>Labelversion %1 gehört zu einem anderen Scan</translation>
    </message>
    <message>
        <source>label version %1 does not fit its scan</source>
        <translation>Labelversion %1 passt nicht zu ihrem Scan</translation>
    </message>
    <message>
        <source>Cannot show label version</source>
        <translation>Labelversion kann nicht angezeigt werden</translation>
    </message>
    <message>
        <source>There is no editable label map to save.</source>
        <translation>Es gibt keine bearbeitbare Labelkarte zum Speichern.</translation>
    </message>
    <message>
        <source>Labels saved as version %1</source>
        <translation>Labels als Version %1 gespeichert</translation>
    </message>
    <message>
        <source>version %1 is not a prediction of this scan</source>
        <translation>Version %1 ist keine Vorhersage dieses Scans</translation>
    </message>
    <message>
        <source>Correct this prediction</source>
        <translation>Diese Vorhersage korrigieren</translation>
    </message>
    <message>
        <source>Unsaved label edits</source>
        <translation>Ungespeicherte Labeländerungen</translation>
    </message>
    <message>
        <source>The label map has edits that are not saved as a version. Save them now?</source>
        <translation>Die Labelkarte hat Änderungen, die nicht als Version gespeichert sind. Jetzt speichern?</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>Der Fall kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Label set...</source>
        <translation>Labelsatz...</translation>
    </message>
    <message>
        <source>Restored %1 unsaved stroke(s) of this scan from the journal.</source>
        <translation>%1 ungespeicherte Pinselstrich(e) dieses Scans aus dem Journal wiederhergestellt.</translation>
    </message>
    <message>
        <source>Label set</source>
        <translation>Labelsatz</translation>
    </message>
    <message>
        <source>Cluster browser</source>
        <translation>Cluster-Browser</translation>
    </message>
    <message>
        <source>Masked sequences</source>
        <translation>Maskierte Sequenzen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Verglichen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>label versions %1 and %2 are not both versions of the scan shown</source>
        <translation>Labelversionen %1 und %2 gehören nicht beide zum angezeigten Scan</translation>
    </message>
    <message>
        <source>%1 has no stored prediction of %2 (or the scan has no labels): showing the scan</source>
        <translation>%1 hat keine gespeicherte Vorhersage von %2 (oder der Scan hat keine Labels): zeige den Scan</translation>
    </message>
</context>
<context>
    <name>logonet::views::MaskedSequenceView</name>
    <message>
        <source>Open a scan to see the masked sequences pre-training draws from it.</source>
        <translation>Öffnen Sie einen Scan, um die maskierten Sequenzen zu sehen, die das Vortraining daraus zieht.</translation>
    </message>
    <message>
        <source>No slice is masked: floor(phi1 x %1 slices) is 0.</source>
        <translation>Keine Schicht ist maskiert: floor(phi1 x %1 Schichten) ist 0.</translation>
    </message>
    <message>
        <source>Run %1: slices %2-%3 (before | after masking)</source>
        <translation>Folge %1: Schichten %2-%3 (vor | nach dem Maskieren)</translation>
    </message>
    <message>
        <source>slice %1, patch %2 px
%3 of %4 patches zeroed</source>
        <translation>Schicht %1, Patch %2 px
%3 von %4 Patches genullt</translation>
    </message>
    <message>
        <source>slice %1</source>
        <translation>Schicht %1</translation>
    </message>
</context>
<context>
    <name>logonet::views::MaskedSequencesPanel</name>
    <message>
        <source>axial</source>
        <translation>axial</translation>
    </message>
    <message>
        <source>coronal</source>
        <translation>koronal</translation>
    </message>
    <message>
        <source>sagittal</source>
        <translation>sagittal</translation>
    </message>
    <message>
        <source>The seed of `logonet masks --seed`</source>
        <translation>Der Seed von `logonet masks --seed`</translation>
    </message>
    <message>
        <source>Fraction of slices that end a masked run</source>
        <translation>Anteil der Schichten, an denen eine maskierte Folge endet</translation>
    </message>
    <message>
        <source>Probability that a patch of a masked slice is zeroed</source>
        <translation>Wahrscheinlichkeit, dass ein Patch einer maskierten Schicht genullt wird</translation>
    </message>
    <message>
        <source>Consecutive slices per masked run</source>
        <translation>Aufeinanderfolgende Schichten je maskierter Folge</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>phi1</source>
        <translation>phi1</translation>
    </message>
    <message>
        <source>phi2</source>
        <translation>phi2</translation>
    </message>
    <message>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>Achse</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>Open a scan to see its masked sequences.</source>
        <translation>Öffnen Sie einen Scan, um seine maskierten Sequenzen zu sehen.</translation>
    </message>
    <message>
        <source>Open a scan to see the masked sequences pre-training draws from it.</source>
        <translation>Öffnen Sie einen Scan, um die maskierten Sequenzen zu sehen, die das Vortraining daraus zieht.</translation>
    </message>
    <message>
        <source>Preparing the crop ...</source>
        <translation>Der Ausschnitt wird vorbereitet ...</translation>
    </message>
    <message>
        <source>%1 of %2 slices masked in %3 runs of M = %4 (seed %5); the same plan as `logonet masks --seed %5 --phi1 %6 --phi2 %7 --length %4 --axis %8 --crop %9`.</source>
        <translation>%1 von %2 Schichten in %3 Folgen mit M = %4 maskiert (Seed %5); derselbe Plan wie `logonet masks --seed %5 --phi1 %6 --phi2 %7 --length %4 --axis %8 --crop %9`.</translation>
    </message>
    <message>
        <source>Edge of the crop, cut from the middle of the scan prepared at the project's spacing, as `logonet masks --crop`</source>
        <translation>Kantenlänge des Ausschnitts aus der Mitte des mit dem Projektabstand vorbereiteten Scans, wie `logonet masks --crop`</translation>
    </message>
    <message>
        <source>Reading %1 and preparing it as pre-training does (%2) ...</source>
        <translation>Lese %1 und bereite es wie das Vortraining vor (%2) ...</translation>
    </message>
</context>
<context>
    <name>logonet::views::PredictActions</name>
    <message>
        <source>Predict this scan...</source>
        <translation>Diesen Scan vorhersagen...</translation>
    </message>
    <message>
        <source>Predict selected scans...</source>
        <translation>Ausgewählte Scans vorhersagen...</translation>
    </message>
    <message>
        <source>Correct this prediction</source>
        <translation>Diese Vorhersage korrigieren</translation>
    </message>
    <message>
        <source>Export labels of selected scans...</source>
        <translation>Labels der ausgewählten Scans exportieren...</translation>
    </message>
    <message>
        <source>Segment the scan shown with a trained run of this project</source>
        <translation>Den angezeigten Scan mit einem trainierten Lauf dieses Projekts segmentieren</translation>
    </message>
    <message>
        <source>Write the selected scans' label maps as NIfTI (nnU-Net layout or one folder)</source>
        <translation>Die Label-Karten der ausgewählten Scans als NIfTI schreiben (nnU-Net-Aufbau oder ein Ordner)</translation>
    </message>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>Open a project and choose a scan to predict</source>
        <translation>Öffnen Sie ein Projekt und wählen Sie einen Scan zur Vorhersage</translation>
    </message>
    <message>
        <source>A prediction is in progress</source>
        <translation>Eine Vorhersage läuft</translation>
    </message>
    <message>
        <source>Open a project and choose scans to export</source>
        <translation>Öffnen Sie ein Projekt und wählen Sie Scans zum Exportieren</translation>
    </message>
    <message>
        <source>Prediction stored as label version %1 of scan %2</source>
        <translation>Vorhersage als Label-Version %1 von Scan %2 gespeichert</translation>
    </message>
</context>
<context>
    <name>logonet::views::PredictDialog</name>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <source>Predict</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Predict with a trained run</source>
        <translation>Mit einem trainierten Lauf vorhersagen</translation>
    </message>
    <message>
        <source>A trained run of this project; its best checkpoint predicts</source>
        <translation>Ein trainierter Lauf dieses Projekts; sein bester Checkpoint sagt vorher</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>%1 scans (%2, ...)</source>
        <translation>%1 Scans (%2, ...)</translation>
    </message>
    <message>
        <source>This project has no trained run yet: train one in the Runs panel.</source>
        <translation>Dieses Projekt hat noch keinen trainierten Lauf: trainieren Sie einen im Bereich Läufe.</translation>
    </message>
    <message>
        <source>Each prediction becomes a label version named after the run.</source>
        <translation>Jede Vorhersage wird eine Label-Version mit dem Namen des Laufs.</translation>
    </message>
    <message>
        <source>Choose a trained run and at least one scan.</source>
        <translation>Wählen Sie einen trainierten Lauf und mindestens einen Scan.</translation>
    </message>
    <message>
        <source>%p% - estimating the time left</source>
        <translation>%p% - Restzeit wird geschätzt</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>Wird abgebrochen...</translation>
    </message>
    <message>
        <source>Predicted %1 of %2 scans</source>
        <translation>%1 von %2 Scans vorhergesagt</translation>
    </message>
    <message>
        <source>Finished: %1 prediction(s) stored as label versions of %2</source>
        <translation>Fertig: %1 Vorhersage(n) als Label-Versionen von %2 gespeichert</translation>
    </message>
    <message>
        <source>This computer, or a remote host of Remote Hosts (Runs panel): the scans and the run's checkpoint are copied there, the predictions back</source>
        <translation>Dieser Computer oder ein Rechner aus 'Entfernte Rechner' (Bereich Läufe): die Scans und der Checkpoint des Laufs werden dorthin kopiert, die Vorhersagen zurück</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Predicting %1 scan(s) with %2 on %3</source>
        <translation>Sage %1 Scan(s) mit %2 auf %3 vorher</translation>
    </message>
</context>
<context>
    <name>logonet::views::PredictionJob</name>
    <message>
        <source>Cannot start the engine: %1</source>
        <translation>Die Engine kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>A prediction is in progress.</source>
        <translation>Eine Vorhersage läuft.</translation>
    </message>
    <message>
        <source>Cannot start the engine '%1': %2</source>
        <translation>Die Engine '%1' kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 scans</source>
        <translation>Nach %1 von %2 Scans abgebrochen</translation>
    </message>
    <message>
        <source>The engine stopped (exit code %1)</source>
        <translation>Die Engine wurde beendet (Exit-Code %1)</translation>
    </message>
</context>
<context>
    <name>logonet::views::PretrainingChart</name>
    <message>
        <source>Labeled cases for fine-tuning</source>
        <translation>Annotierte Fälle für die Feinabstimmung</translation>
    </message>
    <message>
        <source>Mean Dice, held-out cases</source>
        <translation>Mittlerer Dice, zurückgehaltene Fälle</translation>
    </message>
    <message>
        <source>Open a project to see its pre-training experiment.</source>
        <translation>Öffnen Sie ein Projekt, um sein Vortrainings-Experiment zu sehen.</translation>
    </message>
    <message>
        <source>No pre-training experiment yet: run `logonet experiment pretraining --project %1`</source>
        <translation>Noch kein Vortrainings-Experiment: führen Sie `logonet experiment pretraining --project %1` aus</translation>
    </message>
    <message>
        <source>Cannot show the pre-training experiment: %1</source>
        <translation>Das Vortrainings-Experiment kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>Ohne Vortraining</translation>
    </message>
    <message>
        <source>Pre-trained</source>
        <translation>Vortrainiert</translation>
    </message>
    <message>
        <source>No masking (control)</source>
        <translation>Ohne Maskierung (Kontrolle)</translation>
    </message>
    <message>
        <source>One clusterer (control)</source>
        <translation>Ein Clusterer (Kontrolle)</translation>
    </message>
    <message>
        <source>Shuffled pseudo-labels (control)</source>
        <translation>Vertauschte Pseudo-Labels (Kontrolle)</translation>
    </message>
    <message>
        <source>1 seed</source>
        <translation>1 Seed</translation>
    </message>
    <message>
        <source>%1 paired seeds</source>
        <translation>%1 gepaarte Seeds</translation>
    </message>
    <message>
        <source>measured %1</source>
        <translation>gemessen %1</translation>
    </message>
    <message>
        <source>took %1 min</source>
        <translation>Dauer %1 min</translation>
    </message>
    <message>
        <source>quick run (--quick)</source>
        <translation>Schnelldurchlauf (--quick)</translation>
    </message>
    <message>
        <source>Arm</source>
        <translation>Arm</translation>
    </message>
    <message>
        <source>%1 labeled</source>
        <translation>%1 annotiert</translation>
    </message>
    <message>
        <source>Pre-trained minus scratch (paired)</source>
        <translation>Vortrainiert minus ohne Vortraining (gepaart)</translation>
    </message>
    <message>
        <source>Pre-trained encoders only (control)</source>
        <translation>Nur vortrainierte Encoder (Kontrolle)</translation>
    </message>
    <message>
        <source>Supervised initialisation (upper bound)</source>
        <translation>Überwachte Initialisierung (Obergrenze)</translation>
    </message>
</context>
<context>
    <name>logonet::views::RemoteEngineCall</name>
    <message>
        <source>Cannot start the engine '%1': %2</source>
        <translation>Die Engine '%1' kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>The engine ended with exit code %1.</source>
        <translation>Die Engine endete mit Exit-Code %1.</translation>
    </message>
    <message>
        <source>logonet %1 (LibTorch %2), %3 CPU cores</source>
        <translation>logonet %1 (LibTorch %2), %3 CPU-Kerne</translation>
    </message>
    <message>
        <source>CUDA: not available (training runs on the CPU there)</source>
        <translation>CUDA: nicht verfügbar (das Training läuft dort auf der CPU)</translation>
    </message>
    <message>
        <source>CUDA: yes, GPUs: %1</source>
        <translation>CUDA: ja, GPUs: %1</translation>
    </message>
    <message>
        <source>GPU %1: %2, %3 MiB</source>
        <translation>GPU %1: %2, %3 MiB</translation>
    </message>
    <message>
        <source> (%1 MiB free)</source>
        <translation> (%1 MiB frei)</translation>
    </message>
</context>
<context>
    <name>logonet::views::RemoteHostsDialog</name>
    <message>
        <source>Remote Hosts</source>
        <translation>Entfernte Rechner</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>e.g. lab GPU server</source>
        <translation>z. B. GPU-Server des Labors</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <source>your user name there</source>
        <translation>Ihr Benutzername dort</translation>
    </message>
    <message>
        <source>empty: the ssh agent or ~/.ssh keys</source>
        <translation>leer: der ssh-Agent oder die Schlüssel in ~/.ssh</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Durchsuchen...</translation>
    </message>
    <message>
        <source>Runs and their cached cases are copied here; relative to the home folder unless it starts with /</source>
        <translation>Läufe und ihre vorverarbeiteten Fälle werden hierher kopiert; relativ zum Home-Ordner, außer der Pfad beginnt mit /</translation>
    </message>
    <message>
        <source>The engine built there with the engine preset; 'logonet' when it is on the PATH</source>
        <translation>Die dort mit dem Preset engine gebaute Engine; 'logonet', wenn sie im PATH liegt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Schlüsseldatei</translation>
    </message>
    <message>
        <source>Remote work folder</source>
        <translation>Arbeitsordner dort</translation>
    </message>
    <message>
        <source>logonet there</source>
        <translation>logonet dort</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Trust host key...</source>
        <translation>Rechnerschlüssel vertrauen...</translation>
    </message>
    <message>
        <source>Keys only: no password is asked for or stored. Host keys are checked against ~/.config/logonet/known_hosts.</source>
        <translation>Nur Schlüssel: Es wird kein Passwort abgefragt oder gespeichert. Rechnerschlüssel werden mit ~/.config/logonet/known_hosts abgeglichen.</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>GPU server %1</source>
        <translation>GPU-Server %1</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Verbinde mit %1...</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <source>The connection test failed: %1</source>
        <translation>Der Verbindungstest ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Fetching the host key of %1...</source>
        <translation>Hole den Rechnerschlüssel von %1...</translation>
    </message>
    <message>
        <source>The host key could not be fetched: %1</source>
        <translation>Der Rechnerschlüssel konnte nicht geholt werden: %1</translation>
    </message>
    <message>
        <source>The host key of %1 is already trusted.</source>
        <translation>Dem Rechnerschlüssel von %1 wird bereits vertraut.</translation>
    </message>
    <message>
        <source>The host key is now trusted.</source>
        <translation>Dem Rechnerschlüssel wird jetzt vertraut.</translation>
    </message>
    <message>
        <source>The host offered no key.</source>
        <translation>Der Rechner bot keinen Schlüssel an.</translation>
    </message>
    <message>
        <source>Trust host key</source>
        <translation>Rechnerschlüssel vertrauen</translation>
    </message>
    <message>
        <source>%1 offers these keys:

%2

Compare them with the fingerprints the server's administrator reads on the server. Trust the %3 key?</source>
        <translation>%1 bietet diese Schlüssel an:

%2

Vergleichen Sie sie mit den Fingerabdrücken, die der Administrator auf dem Server abliest. Dem %3-Schlüssel vertrauen?</translation>
    </message>
    <message>
        <source>Not trusted.</source>
        <translation>Nicht vertraut.</translation>
    </message>
</context>
<context>
    <name>logonet::views::ReviewStatusBar</name>
    <message>
        <source>Accepted</source>
        <translation>Akzeptiert</translation>
    </message>
    <message>
        <source>Needs correction</source>
        <translation>Korrektur nötig</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Comment, e.g. spleen tip missed on slices 40-44</source>
        <translation>Kommentar, z. B. Milzspitze auf Schichten 40-44 verfehlt</translation>
    </message>
    <message>
        <source>Save review</source>
        <translation>Bewertung speichern</translation>
    </message>
    <message>
        <source>Correct...</source>
        <translation>Korrigieren...</translation>
    </message>
    <message>
        <source>Copy this version as a correction and edit it with the annotation tools</source>
        <translation>Diese Version als Korrektur kopieren und mit den Annotationswerkzeugen bearbeiten</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>stored %1</source>
        <translation>gespeichert %1</translation>
    </message>
    <message>
        <source>not reviewed yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>Choose a verdict</source>
        <translation>Urteil wählen</translation>
    </message>
    <message>
        <source>Next case</source>
        <translation>Nächster Fall</translation>
    </message>
    <message>
        <source>Open the next case of the run's list, worst first</source>
        <translation>Den nächsten Fall aus der Liste des Laufs öffnen, schlechteste zuerst</translation>
    </message>
    <message>
        <source>choose a verdict first</source>
        <translation>zuerst ein Urteil wählen</translation>
    </message>
</context>
<context>
    <name>logonet::views::ReviewView</name>
    <message>
        <source>Colours: TP / FP / FN</source>
        <translation>Farben: RP / FP / FN</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>All organs</source>
        <translation>Alle Organe</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>true positive</source>
        <translation>richtig positiv</translation>
    </message>
    <message>
        <source>false positive</source>
        <translation>falsch positiv</translation>
    </message>
    <message>
        <source>false negative</source>
        <translation>falsch negativ</translation>
    </message>
    <message>
        <source>%1 against %2: %3 true positive, %4 false positive, %5 false negative voxels; Dice %6</source>
        <translation>%1 gegen %2: %3 richtig positive, %4 falsch positive, %5 falsch negative Voxel; Dice %6</translation>
    </message>
</context>
<context>
    <name>logonet::views::ReviewWalk</name>
    <message>
        <source>Select an evaluated run in the Runs panel first</source>
        <translation>Wählen Sie zuerst einen ausgewerteten Lauf im Bereich Läufe</translation>
    </message>
    <message>
        <source>That was the last case of %1</source>
        <translation>Das war der letzte Fall von %1</translation>
    </message>
</context>
<context>
    <name>logonet::views::RunsPanel</name>
    <message>
        <source>Fine-tuning</source>
        <translation>Feinabstimmung</translation>
    </message>
    <message>
        <source>Pre-training</source>
        <translation>Vortraining</translation>
    </message>
    <message>
        <source>Inference and scoring</source>
        <translation>Inferenz und Bewertung</translation>
    </message>
    <message>
        <source>Clustering</source>
        <translation>Clustering</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>run name, e.g. logonet-tiny-1</source>
        <translation>Name des Laufs, z. B. logonet-tiny-1</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Initialise from</source>
        <translation>Initialisieren aus</translation>
    </message>
    <message>
        <source>Iterations</source>
        <translation>Iterationen</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Scored split</source>
        <translation>Bewertete Aufteilung</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Mixed precision (AMP)</source>
        <translation>Gemischte Genauigkeit (AMP)</translation>
    </message>
    <message>
        <source>Activation checkpointing</source>
        <translation>Aktivierungs-Checkpointing</translation>
    </message>
    <message>
        <source>Clusterers</source>
        <translation>Clusterer</translation>
    </message>
    <message>
        <source>Masking</source>
        <translation>Maskierung</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop after writing a checkpoint; Resume continues</source>
        <translation>Nach dem Schreiben eines Checkpoints anhalten; Fortsetzen macht weiter</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>No run in progress</source>
        <translation>Kein Lauf aktiv</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>Runs of the project</source>
        <translation>Läufe des Projekts</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <source>Dice per organ</source>
        <translation>Dice pro Organ</translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation>Diagramm exportieren...</translation>
    </message>
    <message>
        <source>PNG or PDF of the plot shown, or CSV of its numbers</source>
        <translation>PNG oder PDF des gezeigten Diagramms, oder CSV seiner Zahlen</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PNG-Bild (*.png);;PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>A run is in progress; cancel it first.</source>
        <translation>Ein Lauf ist aktiv; zuerst abbrechen.</translation>
    </message>
    <message>
        <source>Starting %1</source>
        <translation>Starte %1</translation>
    </message>
    <message>
        <source>Stopping: the engine writes a checkpoint first</source>
        <translation>Halte an: die Engine schreibt zuerst einen Checkpoint</translation>
    </message>
    <message>
        <source>%p% - %1 left</source>
        <translation>%p% - noch %1</translation>
    </message>
    <message>
        <source>Step %1 of %2, loss %3, %4 it/s</source>
        <translation>Schritt %1 von %2, Verlust %3, %4 it/s</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Stopped at step %1; Resume continues from the checkpoint</source>
        <translation>Angehalten bei Schritt %1; Fortsetzen macht am Checkpoint weiter</translation>
    </message>
    <message>
        <source>Failed (exit code %1): %2</source>
        <translation>Fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>Review cases</source>
        <translation>Fälle prüfen</translation>
    </message>
    <message>
        <source>Run on this computer, or on a remote GPU host over SSH</source>
        <translation>Auf diesem Computer oder über SSH auf einem entfernten GPU-Rechner ausführen</translation>
    </message>
    <message>
        <source>Remote hosts...</source>
        <translation>Entfernte Rechner...</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Following %1, started earlier</source>
        <translation>Verfolge %1, früher gestartet</translation>
    </message>
    <message>
        <source>the clustering</source>
        <translation>das Clustering</translation>
    </message>
    <message>
        <source>The clustering</source>
        <translation>Die Clusterung</translation>
    </message>
    <message>
        <source>Evaluating %1: %2 of %3 cases scored (last %4)</source>
        <translation>Auswertung von %1: %2 von %3 Fällen bewertet (zuletzt %4)</translation>
    </message>
    <message>
        <source>Evaluation cancelled</source>
        <translation>Auswertung abgebrochen</translation>
    </message>
    <message>
        <source>Preparing the run's scans: %1 of %2</source>
        <translation>Scans des Laufs werden vorbereitet: %1 von %2</translation>
    </message>
    <message>
        <source>auto (fine-tuning: the median prepared case, a multiple of 32, at most 96), one size for a cube, or X,Y,Z</source>
        <translation>auto (Feinabstimmung: der mittlere vorbereitete Fall, ein Vielfaches von 32, höchstens 96), eine Größe für einen Würfel, oder X,Y,Z</translation>
    </message>
    <message>
        <source>Project setting</source>
        <translation>Projekteinstellung</translation>
    </message>
    <message>
        <source>Each scan's own (auto)</source>
        <translation>Die jedes Scans (auto)</translation>
    </message>
    <message>
        <source>CT (Hounsfield window)</source>
        <translation>CT (Hounsfield-Fenster)</translation>
    </message>
    <message>
        <source>MR (percentiles)</source>
        <translation>MR (Perzentile)</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Target spacing X,Y,Z in mm; empty: the project's setting</source>
        <translation>Ziel-Voxelabstand X,Y,Z in mm; leer: die Projekteinstellung</translation>
    </message>
    <message>
        <source>Spacing</source>
        <translation>Voxelabstand</translation>
    </message>
    <message>
        <source>the project's setting</source>
        <translation>die Projekteinstellung</translation>
    </message>
    <message>
        <source>Project setting (%1)</source>
        <translation>Projekteinstellung (%1)</translation>
    </message>
    <message>
        <source>project: %1 mm; its scans suggest %2 mm</source>
        <translation>Projekt: %1 mm; seine Scans legen %2 mm nahe</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Clusters per clusterer (K)</source>
        <translation>Cluster je Clusterer (K)</translation>
    </message>
    <message>
        <source>Temperature of the pre-training loss: softmax(logits / tau)</source>
        <translation>Temperatur des Vortrainingsverlusts: softmax(logits / tau)</translation>
    </message>
    <message>
        <source>Temperature (tau)</source>
        <translation>Temperatur (tau)</translation>
    </message>
    <message>
        <source>Pre-training experiment</source>
        <translation>Vortrainings-Experiment</translation>
    </message>
    <message>
        <source>Finished; note: %1</source>
        <translation>Abgeschlossen; Hinweis: %1</translation>
    </message>
</context>
<context>
    <name>logonet::views::ScanActions</name>
    <message>
        <source>Set split</source>
        <translation>Aufteilung festlegen</translation>
    </message>
    <message>
        <source>Set modality</source>
        <translation>Modalität festlegen</translation>
    </message>
    <message>
        <source>Attach label file...</source>
        <translation>Label-Datei anhängen...</translation>
    </message>
    <message>
        <source>Remove scan...</source>
        <translation>Scan entfernen...</translation>
    </message>
    <message>
        <source>Split project into k folds...</source>
        <translation>Projekt in k Folds aufteilen...</translation>
    </message>
    <message>
        <source>Add a label map file as ground truth of this scan (its grid must be the scan's)</source>
        <translation>Eine Label-Karte als Ground Truth dieses Scans hinzufügen (ihr Gitter muss das des Scans sein)</translation>
    </message>
    <message>
        <source>Deal the non-test scans into k cross-validation folds</source>
        <translation>Die Nicht-Test-Scans auf k Kreuzvalidierungs-Folds verteilen</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Cannot set the split</source>
        <translation>Die Aufteilung kann nicht festgelegt werden</translation>
    </message>
    <message>
        <source>Cannot set the modality</source>
        <translation>Die Modalität kann nicht festgelegt werden</translation>
    </message>
    <message>
        <source>Show a scan to attach a label file to</source>
        <translation>Zeigen Sie einen Scan an, um eine Label-Datei anzuhängen</translation>
    </message>
    <message>
        <source>Attach a label file to the scan shown</source>
        <translation>Eine Label-Datei an den angezeigten Scan anhängen</translation>
    </message>
    <message>
        <source>Label maps (*.nii.gz *.nii *.nrrd *.mha *.mhd)</source>
        <translation>Label-Karten (*.nii.gz *.nii *.nrrd *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Label file refused</source>
        <translation>Label-Datei abgelehnt</translation>
    </message>
    <message>
        <source>Attached %1 as ground truth</source>
        <translation>%1 als Ground Truth angehängt</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Entfernen nicht möglich</translation>
    </message>
    <message>
        <source>Remove scans</source>
        <translation>Scans entfernen</translation>
    </message>
    <message>
        <source>Remove from the project, with their files:
%1

This cannot be undone.</source>
        <translation>Aus dem Projekt entfernen, mit ihren Dateien:
%1

Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n scan(s)</source>
        <translation><numerusform>%n Scan entfernt</numerusform><numerusform>%n Scans entfernt</numerusform></translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>Kreuzvalidierungs-Folds</translation>
    </message>
    <message>
        <source>Deal the non-test scans into how many folds?</source>
        <translation>Die Nicht-Test-Scans auf wie viele Folds verteilen?</translation>
    </message>
    <message>
        <source>Cannot make folds</source>
        <translation>Folds können nicht gebildet werden</translation>
    </message>
</context>
<context>
    <name>logonet::views::ScanBrowser</name>
    <message>
        <source>Filter scans (name, split, labeled)</source>
        <translation>Scans filtern (Name, Aufteilung, annotiert)</translation>
    </message>
</context>
<context>
    <name>logonet::views::ScanTableModel</name>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>Annotiert</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Spacing (mm)</source>
        <translation>Voxelabstand (mm)</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Fold</source>
        <translation>Fold</translation>
    </message>
</context>
<context>
    <name>logonet::views::ScratchProject</name>
    <message>
        <source>Keep scratch project as...</source>
        <translation>Entwurfsprojekt behalten als...</translation>
    </message>
    <message>
        <source>Copy the scratch project these files opened in to a folder of yours</source>
        <translation>Das Entwurfsprojekt, in dem diese Dateien geöffnet wurden, in einen eigenen Ordner kopieren</translation>
    </message>
    <message>
        <source>Choose an empty folder to keep the project in</source>
        <translation>Wählen Sie einen leeren Ordner für das Projekt</translation>
    </message>
    <message>
        <source>No image file to open</source>
        <translation>Keine Bilddatei zum Öffnen</translation>
    </message>
    <message>
        <source>Opened in a scratch project (%1); File &gt; Keep scratch project as... keeps it</source>
        <translation>In einem Entwurfsprojekt geöffnet (%1); Datei &gt; Entwurfsprojekt behalten als... behält es</translation>
    </message>
    <message>
        <source>The open project is not a scratch project</source>
        <translation>Das geöffnete Projekt ist kein Entwurfsprojekt</translation>
    </message>
    <message>
        <source>%1: the folder must be empty or absent</source>
        <translation>%1: der Ordner muss leer sein oder fehlen</translation>
    </message>
</context>
<context>
    <name>logonet::views::ShortcutsDialog</name>
    <message>
        <source>Keyboard and mouse shortcuts</source>
        <translation>Tastatur- und Mauskürzel</translation>
    </message>
    <message>
        <source>Left click / drag</source>
        <translation>Linksklick / Ziehen</translation>
    </message>
    <message>
        <source>Slice views: move the cursor (all views follow)</source>
        <translation>Schichtansichten: Cursor setzen (alle Ansichten folgen)</translation>
    </message>
    <message>
        <source>Mouse wheel, Page Up/Down, Up/Down</source>
        <translation>Mausrad, Bild auf/ab, Pfeil auf/ab</translation>
    </message>
    <message>
        <source>Slice views: next / previous slice</source>
        <translation>Schichtansichten: nächste / vorige Schicht</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel, + / -</source>
        <translation>Strg + Mausrad, + / -</translation>
    </message>
    <message>
        <source>Slice views: zoom in / out</source>
        <translation>Schichtansichten: vergrößern / verkleinern</translation>
    </message>
    <message>
        <source>Middle drag</source>
        <translation>Ziehen mit mittlerer Taste</translation>
    </message>
    <message>
        <source>Pan the view</source>
        <translation>Ansicht verschieben</translation>
    </message>
    <message>
        <source>Right drag</source>
        <translation>Ziehen mit rechter Taste</translation>
    </message>
    <message>
        <source>Slice views: window (left/right) and level (up/down)</source>
        <translation>Schichtansichten: Fenster (links/rechts) und Level (auf/ab)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Pos1</translation>
    </message>
    <message>
        <source>Slice views: reset zoom and pan</source>
        <translation>Schichtansichten: Zoom und Verschiebung zurücksetzen</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Show or hide the label overlay</source>
        <translation>Label-Überlagerung ein- oder ausblenden</translation>
    </message>
    <message>
        <source>Window presets: abdomen, lung, bone, brain</source>
        <translation>Fenstervorgaben: Abdomen, Lunge, Knochen, Gehirn</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Automatic window (1st to 99th percentile)</source>
        <translation>Automatisches Fenster (1. bis 99. Perzentil)</translation>
    </message>
    <message>
        <source>3D view: left drag</source>
        <translation>3D-Ansicht: Ziehen mit linker Taste</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>3D view: Shift + left drag, middle drag</source>
        <translation>3D-Ansicht: Umschalt + linke Taste ziehen, mittlere Taste ziehen</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>3D view: right drag, wheel</source>
        <translation>3D-Ansicht: rechte Taste ziehen, Mausrad</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoomen</translation>
    </message>
    <message>
        <source>Ctrl+N / Ctrl+O / Ctrl+I / Ctrl+E</source>
        <translation>Strg+N / Strg+O / Strg+I / Strg+E</translation>
    </message>
    <message>
        <source>New project / open project / import / export mask</source>
        <translation>Neues Projekt / Projekt öffnen / Importieren / Maske exportieren</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Strg+Q</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Key or gesture</source>
        <translation>Taste oder Geste</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Ctrl+L / Ctrl+S</source>
        <translation>Strg+L / Strg+S</translation>
    </message>
    <message>
        <source>Label editing on / off, save the labels as a new version</source>
        <translation>Labelbearbeitung ein / aus, Labels als neue Version speichern</translation>
    </message>
    <message>
        <source>Undo / redo a label edit</source>
        <translation>Labeländerung rückgängig / wiederherstellen</translation>
    </message>
    <message>
        <source>Slice views: zoom about the pointer (up: in, down: out)</source>
        <translation>Schichtansichten: um den Mauszeiger zoomen (hoch: hinein, runter: heraus)</translation>
    </message>
    <message>
        <source>Shift + left drag</source>
        <translation>Umschalt + Ziehen links</translation>
    </message>
    <message>
        <source>W / L boxes (Display tab)</source>
        <translation>Felder W / L (Reiter Anzeige)</translation>
    </message>
    <message>
        <source>Type the window width and level</source>
        <translation>Fensterbreite und -mitte eingeben</translation>
    </message>
    <message>
        <source>1 / 2 / 3 / 4</source>
        <translation>1 / 2 / 3 / 4</translation>
    </message>
    <message>
        <source>B / E / F / P</source>
        <translation>B / E / F / P</translation>
    </message>
    <message>
        <source>Annotation tools: brush, eraser, fill, polygon</source>
        <translation>Annotationswerkzeuge: Pinsel, Radierer, Füllen, Polygon</translation>
    </message>
    <message>
        <source>[ / ]</source>
        <translation>[ / ]</translation>
    </message>
    <message>
        <source>Smaller / larger brush</source>
        <translation>Kleinerer / größerer Pinsel</translation>
    </message>
    <message>
        <source>Edit mode: left / right drag</source>
        <translation>Bearbeitungsmodus: Ziehen links / rechts</translation>
    </message>
    <message>
        <source>Paint the active label / erase</source>
        <translation>Das aktive Label malen / radieren</translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y</source>
        <translation>Strg+Z / Strg+Umschalt+Z / Strg+Y</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
</context>
<context>
    <name>logonet::views::SliceThumbnails</name>
    <message>
        <source>scan %1 is not in the project</source>
        <translation>Scan %1 ist nicht im Projekt</translation>
    </message>
</context>
<context>
    <name>logonet::views::SliceView</name>
    <message>
        <source>No scan loaded</source>
        <translation>Kein Scan geladen</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>Paint range %1 .. %2</source>
        <translation>Malbereich %1 .. %2</translation>
    </message>
</context>
<context>
    <name>logonet::views::TrainingCurves</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Total loss</source>
        <translation>Gesamtverlust</translation>
    </message>
    <message>
        <source>Dice loss</source>
        <translation>Dice-Verlust</translation>
    </message>
    <message>
        <source>Cross-entropy loss</source>
        <translation>Kreuzentropie-Verlust</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Validation Dice per organ</source>
        <translation>Validierungs-Dice pro Organ</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>%1
step %2: %3</source>
        <translation>%1
Schritt %2: %3</translation>
    </message>
</context>
<context>
    <name>logonet::views::WindowLevelEntry</name>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Window width and level; Shift+drag in a slice view changes them too</source>
        <translation>Fensterbreite und -mitte; Umschalt+Ziehen in einer Schichtansicht ändert sie auch</translation>
    </message>
</context>
</TS>