// The remote-run library without a remote host: the one shell-quoting function (checked by
// running /bin/sh on the quoted text), ssh and rsync argument building, the remote layout of a
// run folder, and the remote scripts run by a local sh against a folder with a hostile name.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <fstream>

#include "json/Json.h"
#include "remote/LocalProcess.h"
#include "remote/RemoteLayout.h"
#include "remote/RemoteRun.h"
#include "remote/RsyncTransfer.h"
#include "remote/RunScripts.h"
#include "remote/ShellQuote.h"
#include "remote/SshTarget.h"
#include "remote/WorkstationId.h"

using namespace logonet;
using namespace logonet::remote;

namespace {

// Names a remote shell must never interpret.
const std::vector<std::string> kHostileNames = {
    "plain",       "with space", "it's",    "$HOME",  "a;rm -rf x", "`id`", "$(id)", "line\nbreak",
    "back\\slash", "\"dq\"",     "*?[a]",   "-n",     "tab\there",  "'",    "''",    "",
    "~user",       "a&b|c>d<e",  "${IFS}x", "!event", "#comment"};

std::string shOutput(const std::string& script) {
    return LocalProcess::run({"/bin/sh", "-c", script}, 30).out;
}

void writeFile(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::vector<std::string> valueAfter(const std::vector<std::string>& argv, const std::string& key) {
    std::vector<std::string> values;
    for (size_t i = 0; i + 1 < argv.size(); ++i) {
        if (argv[i] == key) {
            values.push_back(argv[i + 1]);
        }
    }
    return values;
}

}  // namespace

class TestRemoteArguments : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void shellQuoteKeepsEveryNameLiteral() {
        for (const auto& name : kHostileNames) {
            const std::string out = shOutput("printf '%s' " + shellQuote(name));
            QCOMPARE(QString::fromStdString(out), QString::fromStdString(name));
        }
        QCOMPARE(shellQuote("it's"), std::string("'it'\\''s'"));
        // Many words: each arrives as one argument.
        const std::string out =
            shOutput("for a in " + shellCommand(kHostileNames) + "; do printf '<%s>' \"$a\"; done");
        std::string expected;
        for (const auto& name : kHostileNames) {
            expected += "<" + name + ">";
        }
        QCOMPARE(QString::fromStdString(out), QString::fromStdString(expected));
    }

    void quotedTwiceForShInsideTheLoginShell() {
        // What RemoteCommand sends: sh -c '<script>' inside the login shell's own command line.
        const std::string name = "x'; echo INJECTED; '$(id)`id`\n";
        const std::string script = "printf '%s' " + shellQuote(name);
        const std::string out = shOutput(shellCommand({"sh", "-c", script}));
        QCOMPARE(QString::fromStdString(out), QString::fromStdString(name));
    }

    void parsesHosts() {
        const SshTarget a = SshTarget::parse("alice@gpu.lab.org:2222");
        QCOMPARE(QString::fromStdString(a.user()), QStringLiteral("alice"));
        QCOMPARE(QString::fromStdString(a.host()), QStringLiteral("gpu.lab.org"));
        QCOMPARE(a.port(), 2222);
        QCOMPARE(QString::fromStdString(a.knownHostsName()), QStringLiteral("[gpu.lab.org]:2222"));
        const SshTarget b = SshTarget::parse("gpu1");
        QCOMPARE(b.port(), 22);
        QVERIFY(b.user().empty());
        QCOMPARE(QString::fromStdString(b.knownHostsName()), QStringLiteral("gpu1"));
        for (const char* bad : {"-oProxyCommand=evil", "alice@-host", "host:99999", "host:",
                                "a b@host", "host;id", "@host", "host:22x", "ali$ce@host"}) {
            QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SshTarget::parse(bad));
        }
    }

    void sshArgumentsAreStrictAndKeyOnly() {
        SshTarget target = SshTarget::parse("bob@10.0.0.5:2200");
        target.setKnownHosts("/tmp/kh dir/known \"hosts\" 100%");
        target.setIdentity("/tmp/keys/id it's");
        const auto argv = target.sshArguments("echo hi");
        QCOMPARE(QString::fromStdString(argv.front()), QStringLiteral("ssh"));
        QCOMPARE(QString::fromStdString(argv.back()), QStringLiteral("echo hi"));
        QCOMPARE(QString::fromStdString(argv[argv.size() - 2]), QStringLiteral("10.0.0.5"));
        QCOMPARE(QString::fromStdString(argv[argv.size() - 3]), QStringLiteral("--"));
        const auto options = valueAfter(argv, "-o");
        auto has = [&](const std::string& option) {
            return std::find(options.begin(), options.end(), option) != options.end();
        };
        QVERIFY(has("BatchMode=yes"));
        QVERIFY(has("StrictHostKeyChecking=yes"));
        QVERIFY(has("PasswordAuthentication=no"));
        QVERIFY(has("IdentitiesOnly=yes"));
        QVERIFY(has("UserKnownHostsFile=\"/tmp/kh dir/known \\\"hosts\\\" 100%%\""));
        QVERIFY(has("IdentityFile=\"/tmp/keys/id it's\""));
        QCOMPARE(valueAfter(argv, "-p").at(0), std::string("2200"));
        QCOMPARE(valueAfter(argv, "-l").at(0), std::string("bob"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, target.setIdentity("/tmp/${HOME}/key"));
    }

    void rsyncShellWordsFollowRsyncsRules() {
        QCOMPARE(rsyncShellWord("a b"), std::string("'a b'"));
        QCOMPARE(rsyncShellWord("it's"), std::string("'it''s'"));
        SshTarget target = SshTarget::parse("carol@host");
        target.setKnownHosts("/k/it's here");
        const std::string shell = target.rsyncShell();
        QVERIFY(shell.rfind("ssh '-o' 'BatchMode=yes'", 0) == 0);
        QVERIFY(shell.find("'UserKnownHostsFile=\"/k/it''s here\"'") != std::string::npos);
        const RsyncTransfer rsync(target);
        RsyncSelection selection;
        selection.keepExisting = true;
        selection.excludes = {"*.tmp"};
        const auto argv = rsync.arguments("/local/run", "host:/remote dir/run", selection);
        QCOMPARE(QString::fromStdString(argv[0]), QStringLiteral("rsync"));
        QVERIFY(std::find(argv.begin(), argv.end(), "-s") != argv.end());
        QVERIFY(std::find(argv.begin(), argv.end(), "--ignore-existing") != argv.end());
        QVERIFY(std::find(argv.begin(), argv.end(), "--exclude=*.tmp") != argv.end());
        QVERIFY(std::find(argv.begin(), argv.end(), "--inplace") == argv.end());
        // Links never travel, in either direction (issue 15).
        QVERIFY(std::find(argv.begin(), argv.end(), "--no-links") != argv.end());
        for (const char* follows : {"-L", "--copy-links", "--copy-unsafe-links", "-l", "--links"}) {
            QVERIFY2(std::find(argv.begin(), argv.end(), follows) == argv.end(), follows);
        }
        QCOMPARE(QString::fromStdString(argv[argv.size() - 2]), QStringLiteral("/local/run/"));
        QCOMPARE(QString::fromStdString(argv.back()), QStringLiteral("host:/remote dir/run/"));
    }

    // Two workstations with a project at the same path never share a remote folder (issue 15):
    // each has its own id, kept in the user's settings, and the folder's name depends on it.
    void remoteFoldersDifferPerWorkstation() {
        QTemporaryDir dir;
        const std::string project = dir.path().toStdString() + "/project";
        std::filesystem::create_directories(project + "/runs/r1");
        Json config = Json::object();
        config["cache"] = "../../cache";
        writeJsonFileAtomically(project + "/runs/r1/config.json", config);
        const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
        std::vector<std::string> ids;
        for (const char* settings : {"/alice", "/bob"}) {
            qputenv("XDG_CONFIG_HOME", (dir.path() + settings).toUtf8());
            const std::string id = workstationId();
            QCOMPARE(id.size(), size_t(16));
            QCOMPARE(workstationId(), id);  // kept, not made again
            QVERIFY(std::filesystem::exists(dir.path().toStdString() + settings +
                                            "/logonet/workstation-id"));
            ids.push_back(id);
        }
        qputenv("XDG_CONFIG_HOME", previous);
        QVERIFY(ids[0] != ids[1]);
        const RemoteLayout alice = RemoteLayout::of(project + "/runs/r1", "work", ids[0]);
        const RemoteLayout bob = RemoteLayout::of(project + "/runs/r1", "work", ids[1]);
        QVERIFY2(alice.remoteRoot != bob.remoteRoot, alice.remoteRoot.c_str());
        QVERIFY(alice.remoteRoot.rfind("work/project-", 0) == 0);
        QVERIFY(bob.remoteRoot.rfind("work/project-", 0) == 0);
    }

    void layoutKeepsTheCacheBesideTheRun() {
        QTemporaryDir dir;
        const std::string project = dir.path().toStdString() + "/My Project's";
        std::filesystem::create_directories(project + "/runs/r 1");
        std::filesystem::create_directories(project + "/cache");
        Json config = Json::object();
        config["cache"] = "../../cache";
        config["train_cases"] = Json(Json::Array{Json("case_0"), Json("case_1")});
        config["val_cases"] = Json(Json::Array{Json("case_2")});
        writeJsonFileAtomically(project + "/runs/r 1/config.json", config);
        const RemoteLayout layout =
            RemoteLayout::of(project + "/runs/r 1/", "~/work", "0123456789abcdef");
        QCOMPARE(QString::fromStdString(layout.localCache),
                 QString::fromStdString(project + "/cache"));
        QVERIFY2(layout.remoteRoot.rfind("work/My_Project_s-", 0) == 0, layout.remoteRoot.c_str());
        QCOMPARE(QString::fromStdString(layout.remoteRun),
                 QString::fromStdString(layout.remoteRoot + "/runs/r 1"));
        QCOMPARE(QString::fromStdString(layout.remoteCache),
                 QString::fromStdString(layout.remoteRoot + "/cache"));
        QCOMPARE(layout.cacheFiles.size(), size_t{6});
        QCOMPARE(QString::fromStdString(layout.cacheFiles[5]), QStringLiteral("case_2.bin"));
        // The same folder always maps to the same place; another one elsewhere does not.
        QCOMPARE(RemoteLayout::of(project + "/runs/r 1", "work", "0123456789abcdef").remoteRun,
                 layout.remoteRun);

        config["cache"] = "/abs/cache";
        writeJsonFileAtomically(project + "/runs/r 1/config.json", config);
        try {
            RemoteLayout::of(project + "/runs/r 1", "work", "0123456789abcdef");
            QFAIL("an absolute cache path was accepted");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("absolute") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, RemoteLayout::of(project + "/runs/none",
                                                                      "work", "0123456789abcdef"));
        QCOMPARE(QString::fromStdString(layout.command), QStringLiteral("train"));

        // A pre-training run reads one tensor file per crop and is started as `pretrain`.
        Json pretraining = Json::object();
        pretraining["command"] = "pretrain";
        pretraining["cache"] = "../../cache";
        pretraining["pretrain_cases"] =
            Json(Json::Array{Json("pretrain-crop32/scan-1"), Json("pretrain-crop32/scan-4")});
        writeJsonFileAtomically(project + "/runs/r 1/config.json", pretraining);
        const RemoteLayout pre =
            RemoteLayout::of(project + "/runs/r 1", "work", "0123456789abcdef");
        QCOMPARE(QString::fromStdString(pre.command), QStringLiteral("pretrain"));
        QCOMPARE(pre.cacheFiles, (std::vector<std::string>{"pretrain-crop32/scan-1.pt",
                                                           "pretrain-crop32/scan-4.pt"}));
        pretraining["command"] = "rm -rf";
        writeJsonFileAtomically(project + "/runs/r 1/config.json", pretraining);
        try {
            RemoteLayout::of(project + "/runs/r 1", "work", "0123456789abcdef");
            QFAIL("a command other than train or pretrain was accepted");
        } catch (const std::runtime_error& error) {
            QVERIFY(std::string(error.what()).find("config.json") != std::string::npos);
        }
    }

    void statusParsing() {
        RemoteStatus s = RemoteStatus::parse("running 4242\n--out\n{\"event\":\"step\"}\n--err\n");
        QCOMPARE(QString::fromStdString(s.state), QStringLiteral("running"));
        QCOMPARE(s.pid, int64_t{4242});
        QCOMPARE(s.lastEvents.size(), size_t{1});
        QCOMPARE(QString::fromStdString(RemoteStatus::parse("exited 0\n").state),
                 QStringLiteral("finished"));
        QCOMPARE(QString::fromStdString(RemoteStatus::parse("exited 3\n").state),
                 QStringLiteral("stopped"));
        s = RemoteStatus::parse("exited 1\n--out\n--err\nboom\n");
        QCOMPARE(QString::fromStdString(s.state), QStringLiteral("failed"));
        QCOMPARE(QString::fromStdString(s.errors), QStringLiteral("boom\n"));
        QCOMPARE(QString::fromStdString(RemoteStatus::parse("absent\n").state),
                 QStringLiteral("not started"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, RemoteStatus::parse("garbage\n"));
    }

    // A pid file whose number now belongs to an unrelated process (the engine died, the pid
    // was reused) is not taken for the engine (issue 15): `kill -0` said "running", and cancel
    // would have sent SIGTERM to that process.
    void aReusedPidIsNotTheEngine() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString() + "/run";
        std::filesystem::create_directories(folder);
        QProcess unrelated;
        unrelated.start("sleep", {"60"});
        QVERIFY(unrelated.waitForStarted());
        writeFile(folder + "/logonet.pid", std::to_string(unrelated.processId()) + "\n");
        writeFile(folder + "/logonet.started", "1\n");  // the dead engine's start time
        auto sh = [](const std::string& script) {
            return LocalProcess::run({"/bin/sh", "-c", script}, 30);
        };
        const std::string status = sh(scripts::status(folder)).out;
        QVERIFY2(status.rfind("vanished", 0) == 0, status.c_str());
        QCOMPARE(QString::fromStdString(sh(scripts::cancel(folder)).out),
                 QStringLiteral("not running\n"));
        QVERIFY(!unrelated.waitForFinished(500));  // still alive: no signal reached it
        unrelated.kill();
        unrelated.waitForFinished();
    }

    // The scripts, run by a local sh in a folder whose name would break any unquoted use, with a
    // stand-in engine: start (detached, pid file), status, follow from an offset, cancel
    // (SIGTERM -> exit code 3 recorded).
    void scriptsWorkInAHostileFolder() {
        QTemporaryDir dir;
        const std::string folder = dir.path().toStdString() + "/run 'x' $HOME;`id`";
        std::filesystem::create_directories(folder);
        const std::string engine = dir.path().toStdString() + "/fake engine's";
        writeFile(engine,
                  "#!/bin/sh\n"
                  "echo \"$1 $2 $3\" >engine-arguments\n"
                  "echo started >>engine-starts\n"
                  "trap 'echo \"{\\\"event\\\":\\\"stopped\\\"}\"; exit 3' TERM\n"
                  // Steps until SIGTERM, for minutes where the test takes seconds: cancel
                  // finds it running however slow the machine (and a failed test leaves no
                  // endless process behind).
                  "i=0; while [ $i -lt 6000 ]; do i=$((i+1)); "
                  "echo \"{\\\"event\\\":\\\"step\\\",\\\"step\\\":$i}\"; sleep 0.05; done\n");
        ::chmod(engine.c_str(), 0755);
        auto sh = [](const std::string& script) {
            return LocalProcess::run({"/bin/sh", "-c", script}, 30);
        };
        QCOMPARE(QString::fromStdString(sh(scripts::status(folder)).out.substr(0, 4)),
                 QStringLiteral("new\n"));
        QCOMPARE(QString::fromStdString(sh(scripts::status(folder + "-missing")).out),
                 QStringLiteral("absent\n"));
        const ProcessResult missing =
            sh(scripts::start(folder, "/no/such/logonet", "train", false, true));
        QCOMPARE(missing.exitCode, 91);
        QVERIFY(missing.err.find("not found") != std::string::npos);

        // Two starts at once (two connections, two clicks): one engine, both see its pid.
        const std::string startScript = scripts::start(folder, engine, "pretrain", false, true);
        LocalProcess first({"/bin/sh", "-c", startScript});
        LocalProcess second({"/bin/sh", "-c", startScript});
        first.start();
        second.start();
        std::string firstOut, secondOut;
        while (first.read(200, [&](const std::string& chunk) { firstOut += chunk; })) {
        }
        while (second.read(200, [&](const std::string& chunk) { secondOut += chunk; })) {
        }
        QCOMPARE(first.wait(), 0);
        QCOMPARE(second.wait(), 0);
        const int pid = std::stoi(firstOut);
        QVERIFY(pid > 0);
        QCOMPARE(std::stoi(secondOut), pid);
        // Starting again attaches instead of starting a second engine.
        QCOMPARE(std::stoi(sh(scripts::start(folder, engine, "pretrain", false, false)).out), pid);
        QTRY_VERIFY_WITH_TIMEOUT(
            sh(scripts::status(folder)).out.rfind("running " + std::to_string(pid), 0) == 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(std::filesystem::file_size(folder + "/logonet.out") > 60, 30000);
        {
            std::ifstream starts(folder + "/engine-starts");
            int count = 0;
            for (std::string line; std::getline(starts, line);) {
                ++count;
            }
            QCOMPARE(count, 1);
        }
        // The command config.json names, on the run folder itself.
        std::string called;
        std::getline(std::ifstream(folder + "/engine-arguments"), called);
        QCOMPARE(QString::fromStdString(called), QStringLiteral("pretrain --run ."));
        // Follow from the middle of the file: continues exactly at that byte.
        std::string head;
        {
            std::ifstream in(folder + "/logonet.out");
            std::getline(in, head);
        }
        QCOMPARE(QString::fromStdString(head), QStringLiteral("{\"event\":\"step\",\"step\":1}"));
        QCOMPARE(QString::fromStdString(sh(scripts::cancel(folder)).out),
                 QStringLiteral("signalled\n"));
        QTRY_VERIFY_WITH_TIMEOUT(sh(scripts::status(folder)).out.rfind("exited 3", 0) == 0, 30000);
        const std::string rest =
            sh(scripts::follow(folder, static_cast<int64_t>(head.size() + 1))).out;
        QVERIFY(rest.rfind("{\"event\":\"step\",\"step\":2}\n", 0) == 0);
        QVERIFY(rest.find("\"stopped\"") != std::string::npos);
        QCOMPARE(QString::fromStdString(sh(scripts::cancel(folder)).out),
                 QStringLiteral("not running\n"));
    }
};

QTEST_GUILESS_MAIN(TestRemoteArguments)
#include "test_remote_arguments.moc"
