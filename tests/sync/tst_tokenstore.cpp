// The sign-in token at rest: in a real Secret Service (gnome-keyring-daemon, started by
// tests/sync/with-keyring) it never touches the disk in clear; without any keyring it falls back
// to a private 0600 file. Run as `tst_tokenstore withoutKeyring` and, under with-keyring,
// `tst_tokenstore withKeyring`.

#include "tokenstore.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <sys/stat.h>

using namespace attache::sync;

namespace {

bool fileExists(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

/// Every file under dir whose bytes contain needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            out << f.fileName();
    }
    return out;
}

} // namespace

class TestTokenStore : public QObject
{
    Q_OBJECT

private slots:
    void withoutKeyring()
    {
        // No session bus at all, as on a server or in CI.
        QTemporaryDir runtime;
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/attache-test-bus");
        qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
        qunsetenv("DISPLAY");
        QTemporaryDir dir;
        const std::string db = dir.filePath("attache.db").toStdString();
        const std::string file = db + ".token";
        KeyringTokenStore store(db, std::make_unique<FileTokenStore>(file));
        QVERIFY(store.save("tok-fallback-123"));
        QVERIFY(!store.usedKeyring());
        struct stat st;
        QCOMPARE(::stat(file.c_str(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        auto loaded = store.load();
        QVERIFY(loaded && *loaded);
        QCOMPARE(**loaded, std::string("tok-fallback-123"));
        QVERIFY(store.clear());
        QVERIFY(!fileExists(file));
        loaded = store.load();
        QVERIFY(loaded && !*loaded);

        // Headless installations can ask for the file outright.
        qputenv("ATTACHE_TOKEN_STORE", "file");
        auto chosen = makeTokenStore(db, file);
        QVERIFY(dynamic_cast<FileTokenStore *>(chosen.get()));
        qunsetenv("ATTACHE_TOKEN_STORE");
        QVERIFY(dynamic_cast<KeyringTokenStore *>(makeTokenStore(db, file).get()));
    }

    void withKeyring()
    {
        if (!qEnvironmentVariableIsSet("ATTACHE_TEST_KEYRING"))
            QSKIP("needs a Secret Service: run under tests/sync/with-keyring (CTest does)");
        QTemporaryDir dir;
        const std::string db = dir.filePath("attache.db").toStdString();
        const std::string file = db + ".token";
        const std::string token = "tok-keyring-" + std::to_string(::getpid()) + "-a1b2c3d4e5";
        {
            KeyringTokenStore store(db, std::make_unique<FileTokenStore>(file));
            QVERIFY(store.save(token));
            QVERIFY2(store.usedKeyring(), "the keyring was not reached");
        }
        QVERIFY(!fileExists(file));
        // Nowhere on disk in clear: not next to the database, not in the keyring's own files.
        QCOMPARE(filesContaining(dir.path(), QByteArray::fromStdString(token)), QStringList());
        QCOMPARE(filesContaining(qEnvironmentVariable("HOME"), QByteArray::fromStdString(token)),
            QStringList());
        {
            KeyringTokenStore again(db, std::make_unique<FileTokenStore>(file));
            auto loaded = again.load();
            QVERIFY(loaded && *loaded);
            QCOMPARE(**loaded, token);
            QVERIFY(again.usedKeyring());
        }

        // One token per device database.
        const std::string otherDb = dir.filePath("other.db").toStdString();
        {
            KeyringTokenStore other(otherDb, std::make_unique<FileTokenStore>(otherDb + ".token"));
            auto none = other.load();
            QVERIFY(none && !*none);
        }

        // A token left in the file (signed in while no keyring ran) moves into the keyring.
        {
            FileTokenStore old(otherDb + ".token");
            QVERIFY(old.save("tok-from-file-9z"));
            KeyringTokenStore moving(otherDb, std::make_unique<FileTokenStore>(otherDb + ".token"));
            auto loaded = moving.load();
            QVERIFY(loaded && *loaded);
            QCOMPARE(**loaded, std::string("tok-from-file-9z"));
            QVERIFY(!fileExists(otherDb + ".token"));
            KeyringTokenStore later(otherDb, std::make_unique<FileTokenStore>(otherDb + ".token"));
            QCOMPARE(**later.load(), std::string("tok-from-file-9z"));
            QVERIFY(later.clear());
        }

        // Logout, revocation, wipe: forgotten.
        {
            KeyringTokenStore store(db, std::make_unique<FileTokenStore>(file));
            QVERIFY(store.clear());
            KeyringTokenStore after(db, std::make_unique<FileTokenStore>(file));
            auto none = after.load();
            QVERIFY(none && !*none);
            QVERIFY(after.usedKeyring());
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
