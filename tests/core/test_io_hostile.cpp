// Image files from outside are not trusted (issue 15): a hand-written header that claims more
// voxels than a scan may hold is refused before anything is allocated for it, and files cut
// short (.nii, .nrrd, .mha and a DICOM slice) are refused with a message naming the file.
#include <QTemporaryDir>
#include <QtTest>

#include <sys/resource.h>

#include <cstring>
#include <filesystem>
#include <fstream>

#include "HandWrittenNifti.h"
#include "io/DicomSeriesWriter.h"
#include "io/ImageReader.h"
#include "io/ImageWriter.h"

using namespace logonet;
namespace fs = std::filesystem;

namespace {

std::string readError(const std::string& path) {
    try {
        readImage(path);
    } catch (const ImageReadError& error) {
        return error.what();
    }
    return "no error";
}

void writeText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

ImageVolume smallScan() {
    ImageGeometry g;
    g.size = {12, 10, 6};
    g.spacing = {0.8, 0.9, 2.5};
    ImageVolume image(g);
    for (size_t n = 0; n < image.voxels().size(); ++n) {
        image.voxels()[n] = static_cast<float>(static_cast<int>(n * 13 % 1500) - 1000);
    }
    return image;
}

// Caps this process's address space for the lifetime of the object, so that an allocation the
// size a hostile header claims fails loudly instead of going unnoticed on a large machine.
class AddressSpaceCap {
  public:
    explicit AddressSpaceCap(rlim_t extraBytes) {
        getrlimit(RLIMIT_AS, &previous_);
        std::ifstream status("/proc/self/status");
        std::string line;
        rlim_t used = 0;
        while (std::getline(status, line)) {
            if (line.rfind("VmSize:", 0) == 0) {
                used = static_cast<rlim_t>(std::stoull(line.substr(7))) * 1024;
            }
        }
        rlimit cap = previous_;
        cap.rlim_cur = used + extraBytes;
        setrlimit(RLIMIT_AS, &cap);
    }
    ~AddressSpaceCap() { setrlimit(RLIMIT_AS, &previous_); }
    AddressSpaceCap(const AddressSpaceCap&) = delete;
    AddressSpaceCap& operator=(const AddressSpaceCap&) = delete;

  private:
    rlimit previous_{};
};

}  // namespace

class TestIoHostile : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void oversizedHeadersAreRefusedBeforeAllocation_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("claim");
        QTest::newRow("nifti") << "huge.nii"
                               << "32767x32767x32767";
        QTest::newRow("nifti-gz") << "huge.nii.gz"
                                  << "32767x32767x32767";
        QTest::newRow("nrrd") << "huge.nrrd"
                              << "100000x100000x100000";
        QTest::newRow("mha") << "huge.mha"
                             << "100000x100000x100000";
        QTest::newRow("mha-overflow") << "wrap.mha"
                                      << "4294967296x4294967296x1024";
    }
    void oversizedHeadersAreRefusedBeforeAllocation() {
        QFETCH(QString, name);
        QFETCH(QString, claim);
        QTemporaryDir dir;
        const std::string path = dir.filePath(name).toStdString();
        std::string sizes = claim.toStdString();
        std::replace(sizes.begin(), sizes.end(), 'x', ' ');
        if (name.endsWith(".nii")) {
            writeHandWrittenNifti(path, {32767, 32767, 32767}, 48);
            QCOMPARE(fs::file_size(path), uintmax_t(400));
        } else if (name.endsWith(".nii.gz")) {
            const std::string raw = dir.filePath("raw.nii").toStdString();
            writeHandWrittenNifti(raw, {32767, 32767, 32767}, 48);
            QCOMPARE(std::system(("gzip -c '" + raw + "' > '" + path + "'").c_str()), 0);
        } else if (name.endsWith(".nrrd")) {
            writeText(path, "NRRD0004\ntype: short\ndimension: 3\nsizes: " + sizes +
                                "\nencoding: raw\nendian: little\n\n" + std::string(64, '\0'));
        } else {
            writeText(path, "ObjectType = Image\nNDims = 3\nDimSize = " + sizes +
                                "\nElementType = MET_SHORT\nElementDataFile = LOCAL\n" +
                                std::string(64, '\0'));
        }
        std::string message;
        {
            // 1 GiB more than now: the claimed voxels would need terabytes.
            AddressSpaceCap cap(rlim_t{1} << 30);
            message = readError(path);
        }
        // MetaIO reads sizes as int; the overflowing claim is then shown as it read them.
        const std::string expected =
            path + ": the header claims " +
            (name.startsWith("wrap") ? std::string()
                                     : claim.toStdString() + " voxels, more than the ");
        QVERIFY2(message.rfind(expected, 0) == 0, message.c_str());
    }

    // Within the voxel limit, but more voxel bytes than an uncompressed file holds.
    void headersLargerThanTheirFileAreRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("claims.nii").toStdString();
        writeHandWrittenNifti(path, {1024, 1024, 1024}, 48);
        std::string message;
        {
            AddressSpaceCap cap(rlim_t{1} << 30);  // the claim is 2 GiB of int16 (+4 as float)
            message = readError(path);
        }
        QCOMPARE(message, path +
                              ": truncated: the header describes 1024x1024x1024 voxels "
                              "(2147483648 bytes) but the file holds 48 bytes of them");
    }

    // Found by bench/fuzz.sh (fuzz_image_read): an .mha whose ElementType is garbage made ITK
    // throw its own exception out of readImage instead of an ImageReadError.
    void unknownVoxelTypesAreNamed() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("garbled.mha").toStdString();
        writeText(path,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 4\nElementType = "
                  "MET_SHORT\xff\xff\xff\xff\xff\xff\xff'sedData = False\n"
                  "ElementDataFile = LOCAL\n" +
                      std::string(128, '\0'));
        QCOMPARE(readError(path), path + ": unknown voxel type");
    }

    // Found by bench/fuzz.sh (fuzz_image_read): ITK's MetaIO divides by the step of a numbered
    // ElementDataFile pattern; a step of 0 killed the process with SIGFPE.
    void metaImageFilePatternsAreRefused() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("pattern.mha").toStdString();
        writeText(path,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 4\nElementType = MET_SHORT\n"
                  "ElementDataFile = slice%03d.raw 1 4 0\n");
        const std::string message = readError(path);
        QVERIFY2(message.rfind(path + ": ElementDataFile 'slice%03d.raw 1 4 0' names a list or "
                                      "a pattern of files",
                               0) == 0,
                 message.c_str());
        // MetaIO takes ':' for '=' as well (found by fuzz_image_read).
        const std::string colon = dir.filePath("colon.mha").toStdString();
        writeText(colon,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 4\nElementType = "
                  "MET_SHORT\nElementDataFile : slice%03d.raw 1 4 0\n");
        QVERIFY2(readError(colon).rfind(colon + ": ElementDataFile 'slice%03d.raw 1 4 0'", 0) == 0,
                 readError(colon).c_str());
        const std::string list = dir.filePath("list.mha").toStdString();
        writeText(list,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 4\nElementType = "
                  "MET_SHORT\nElementDataFile = LIST\na.raw\nb.raw\n");
        QVERIFY(readError(list).rfind(list + ": ElementDataFile 'list'", 0) == 0);
        // Also found by fuzzing: MetaIO reads NDims values per field, for ever for 10^19.
        const std::string axes = dir.filePath("axes.mha").toStdString();
        writeText(axes,
                  "ObjectType = Image\nNDims = 66666666666666666666 3\nDimSize = 4 4 4\n"
                  "ElementType = MET_SHORT\nElementDataFile = LOCAL\n");
        QCOMPARE(readError(axes),
                 axes + ": NDims '66666666666666666666 3' is not a number of axes (1 to 16)");
        // And a key longer than MetaIO's 255-byte buffer, which it copies without a bound.
        const std::string key = dir.filePath("key.mha").toStdString();
        writeText(key, "ObjectType = Image\nNDims = 3\n" + std::string(300, 'K') +
                           " = 1\nElementType = MET_SHORT\nElementDataFile = LOCAL\n");
        QVERIFY2(readError(key).rfind(key + ": header line 'KKKK", 0) == 0, readError(key).c_str());
    }

    // Found by bench/fuzz.sh (fuzz_image_read): a 349-byte NIfTI file whose sizeof_hdr reads
    // little-endian but whose dim[0] makes the reader swap bytes, claiming 768x1024x1064 int16
    // voxels; its vox_offset made no sense in our byte order, and the size check was skipped.
    void byteOrderConfusionDoesNotSkipTheSizeCheck() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("confused.nii").toStdString();
        char header[349] = {0};
        const int sizeofHdr = 348;
        std::memcpy(header, &sizeofHdr, 4);
        // Big-endian dims and datatype: 4D 768 x 1024 x 1064 x 1, int16.
        const unsigned char dims[16] = {0, 4, 3, 0, 4, 0, 4, 0x28, 0, 1, 0, 1, 0, 1, 0, 1};
        std::memcpy(header + 40, dims, sizeof dims);
        const unsigned char type[4] = {0, 4, 0, 16};
        std::memcpy(header + 70, type, sizeof type);
        const unsigned char pixdim[32] = {0x3f, 0x80, 0,    0, 0x3f, 0x80, 0,    0, 0x3f, 0x80, 0,
                                          0,    0x3f, 0x80, 0, 0,    0x3f, 0x80, 0, 0};
        std::memcpy(header + 76, pixdim, sizeof pixdim);
        const float offset = 6.9e22f;  // nonsense little-endian, 352-ish when swapped
        std::memcpy(header + 108, &offset, 4);
        std::memcpy(header + 344, "n+1\0", 4);
        std::ofstream(path, std::ios::binary).write(header, sizeof header);
        std::string message;
        {
            AddressSpaceCap cap(rlim_t{1} << 30);
            message = readError(path);
        }
        QVERIFY2(message.rfind(path + ": ", 0) == 0 && message.find("voxels") != std::string::npos,
                 message.c_str());
    }

    // Found by bench/fuzz.sh (fuzz_image_read): with no size to check, a small .mha naming a
    // missing data file, or a small compressed file, made the reader allocate gigabytes before
    // ITK found out. A missing data file holds nothing; deflate expands at most 1032:1.
    void compressedAndSeparateDataAreBounded() {
        QTemporaryDir dir;
        const std::string separate = dir.filePath("separate.mha").toStdString();
        writeText(separate,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 55555554\n"
                  "ElementType = MET_SHORT\nElementDataFile = missing.raw\n");
        // The same with the data file's name running to the end of the file, without a newline.
        const std::string unended = dir.filePath("unended.mha").toStdString();
        writeText(unended,
                  "ObjectType = Image\nNDims = 3\nDimSize = 4 4 55555554\n"
                  "ElementType = MET_SHORT\nElementDataFile = missing.raw");
        const std::string compressed = dir.filePath("small.nii.gz").toStdString();
        const std::string raw = dir.filePath("small.nii").toStdString();
        writeHandWrittenNifti(raw, {1024, 1024, 1024}, 4096);
        QCOMPARE(std::system(("gzip -c '" + raw + "' > '" + compressed + "'").c_str()), 0);
        std::string separateMessage, unendedMessage, compressedMessage;
        {
            AddressSpaceCap cap(rlim_t{1} << 30);
            separateMessage = readError(separate);
            unendedMessage = readError(unended);
            compressedMessage = readError(compressed);
        }
        QCOMPARE(separateMessage, separate +
                                      ": truncated: the header describes 4x4x55555554 "
                                      "voxels (1777777728 bytes) but the file holds at "
                                      "most 0 bytes of them");
        QCOMPARE(unendedMessage, unended +
                                     ": truncated: the header describes 4x4x55555554 "
                                     "voxels (1777777728 bytes) but the file holds at "
                                     "most 0 bytes of them");
        QVERIFY2(compressedMessage.rfind(compressed + ": truncated: the header describes "
                                                      "1024x1024x1024 voxels (2147483648 bytes) "
                                                      "but the file holds at most ",
                                         0) == 0,
                 compressedMessage.c_str());
    }

    // A NRRD with its voxels in a detached file: that file's size bounds them (before, only the
    // 2^31-voxel limit did); lists and patterns of files, and bzip2, are refused by name; a
    // sound detached file still reads.
    void detachedNrrdDataIsBounded() {
        QTemporaryDir dir;
        const std::string header = "NRRD0004\ntype: short\ndimension: 3\nendian: little\n";
        // A data file of 10 bytes for 1.7 GB of voxels.
        const std::string missing = dir.filePath("small.nrrd").toStdString();
        writeText(missing, header + "sizes: 4 4 55555554\nencoding: raw\ndata file: small.raw\n\n");
        writeText(dir.filePath("small.raw").toStdString(), std::string(10, 'x'));
        const std::string pattern = dir.filePath("pattern.nrrd").toStdString();
        writeText(pattern,
                  header + "sizes: 4 4 10\nencoding: raw\ndata file: s%03d.raw 1 10 1 2\n\n");
        const std::string bzip = dir.filePath("bzip.nrrd").toStdString();
        writeText(bzip, header + "sizes: 4 4 10\nencoding: bzip2\n\n");
        std::string missingMessage;
        {
            AddressSpaceCap cap(rlim_t{1} << 30);
            missingMessage = readError(missing);
        }
        QCOMPARE(missingMessage, missing +
                                     ": truncated: the header describes 4x4x55555554 "
                                     "voxels (1777777728 bytes) but the file holds at "
                                     "most 10 bytes of them");
        const std::string patternMessage = readError(pattern);
        QVERIFY2(patternMessage.find("list or a pattern") != std::string::npos,
                 patternMessage.c_str());
        const std::string bzipMessage = readError(bzip);
        QVERIFY2(bzipMessage.find("bzip2") != std::string::npos, bzipMessage.c_str());

        const std::string sound = dir.filePath("Sound.nrrd").toStdString();
        writeText(sound, header + "sizes: 4 3 2\nencoding: raw\ndata file: Voxels.RAW\n\n");
        std::string voxels;
        for (int16_t v = 0; v < 24; ++v) {
            voxels.append(reinterpret_cast<const char*>(&v), sizeof v);  // little-endian host
        }
        writeText(dir.filePath("Voxels.RAW").toStdString(), voxels);
        const ImageVolume image = readImage(sound);
        QCOMPARE(image.size(), (Size3{4, 3, 2}));
        QCOMPARE(image.voxels()[23], 23.0f);
    }

    // Found by bench/fuzz.sh (fuzz_image_read): ITK's factory let GDCM probe a .nii holding
    // "DICM" at byte 128, and GDCM aborted the process on an assertion.
    void dicomMagicInANiftiFileIsNotProbedByGdcm() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("magic.nii").toStdString();
        // The fuzzer's input as it was, 133 bytes.
        const std::string bytes(
            "\x00\x5c\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
            "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00\x04\x00"
            "\x04\x00\x04\x00\x01\x00\x01\xcd\xcd\xcd\xcd\xcd\xcd\xcc\xcd\xcd"
            "\xcd\xcd\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x44\x49\x43\x4d"
            "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
            "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
            "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
            "\xfe\xff\xff\xff\x44\x49\x43\x4d\xff\xff\xff\xff\x00\x00\x00\x00"
            "\x44\x49\x43\x4d\x00",
            133);
        writeText(path, bytes);
        QVERIFY2(readError(path).rfind(path + ": ", 0) == 0, readError(path).c_str());
    }

    // Found by bench/fuzz.sh (fuzz_image_read): NDims = 0 (hidden from the header check by NUL
    // bytes in the key, where MetaIO stops reading it) crashed geometryOf on ITK's empty list.
    void headersWithoutAxesAreRefused() {
        QTemporaryDir dir;
        const std::string hidden = dir.filePath("hidden.mha").toStdString();
        writeText(hidden, std::string("ObjectType = Image\nNDims\0\0 = 0\nDimSize = 4 4 2\n"
                                      "ElementType = MET_SHORT\nElementDataFile = LOCAL\n",
                                      95) +
                              std::string(64, '\0'));
        QVERIFY2(readError(hidden).rfind(hidden + ": header line 'NDims?? = 0' is not", 0) == 0,
                 readError(hidden).c_str());
    }

    void truncatedFilesAreNamed_data() {
        QTest::addColumn<QString>("extension");
        QTest::newRow("nii") << ".nii";
        QTest::newRow("nrrd") << ".nrrd";
        QTest::newRow("mha") << ".mha";
    }
    void truncatedFilesAreNamed() {
        QFETCH(QString, extension);
        QTemporaryDir dir;
        const std::string path = dir.filePath("cut").toStdString() + extension.toStdString();
        writeImage(smallScan(), path);
        QCOMPARE(readImage(path).voxels(), smallScan().voxels());
        fs::resize_file(path, fs::file_size(path) - 7);
        const std::string message = readError(path);
        QVERIFY2(message.rfind(path + ": truncated: the header describes 12x10x6 voxels", 0) == 0,
                 message.c_str());
    }

    void truncatedDicomSliceIsNamed() {
        QTemporaryDir dir;
        const std::string folder = dir.filePath("series").toStdString();
        writeDicomSeries(smallScan(), folder, DicomSeriesTags{});
        const fs::path slice = fs::path(folder) / "slice_0002.dcm";
        fs::resize_file(slice, fs::file_size(slice) - 40);
        const std::string message = readError(folder);
        QVERIFY2(message.find(slice.filename().string()) != std::string::npos, message.c_str());
        QVERIFY2(message.find("truncated") != std::string::npos, message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestIoHostile)
#include "test_io_hostile.moc"
