// Start-up to a usable mission list with 100,000 contacts on the device (target: under 1 s).
// Each iteration does what a cold app start does after the process exists: opens the store on
// its worker thread, builds the services, loads the whole QML interface (Main.qml) and waits
// until the mission list shows its missions. The model-only variant leaves QML out.
#include "backend.h"
#include "demo.h"
#include "missionmodel.h"
#include "preferences.h"
#include "singletons.h"
#include "store.h"
#include "synccontroller.h"

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <random>

Q_IMPORT_QML_PLUGIN(Attache_AppPlugin)
Q_IMPORT_QML_PLUGIN(AttachePlugin)

namespace {

constexpr int kContacts = 100'000;
constexpr int kMissions = 200;

QTemporaryDir &dataDir()
{
    static QTemporaryDir dir;
    return dir;
}

QString storePath()
{
    return dataDir().filePath(QStringLiteral("attache.db"));
}

void buildDataset()
{
    auto opened = attache::Store::open(storePath().toStdString());
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", opened.error().message.c_str());
        std::exit(1);
    }
    auto &store = **opened;
    if (auto demo = attache::loadDemoData(store); !demo) {
        std::fprintf(stderr, "demo: %s\n", demo.error().message.c_str());
        std::exit(1);
    }
    attache::ListQuery one;
    one.limit = 1;
    const auto org = (*store.list("organisation", one)).front().id;
    std::vector<std::string> missions;
    auto &db = store.database();
    (void)db.exec("BEGIN");
    for (int i = 0; i < kMissions; ++i) {
        char start[16];
        std::snprintf(start, sizeof start, "%04d-%02d-%02d", 2016 + i / 25, 1 + i % 12, 1 + i % 27);
        missions.push_back(
            store
                .create("mission",
                    {{"organisation_id", org}, {"title", "Đoàn công tác " + std::to_string(i)},
                        {"start_date", start}, {"end_date", start}, {"countries", {"JP"}}})
                ->id);
    }
    (void)db.exec("COMMIT");
    for (int i = 0; i < kContacts; ++i) {
        if (i % 5000 == 0)
            (void)db.exec("BEGIN");
        auto r = store.create("contact",
            {{"full_name", "Nguyễn Văn " + std::to_string(i)}, {"organisation", "JETRO"},
                {"country", "JP"}, {"emails", {"c" + std::to_string(i) + "@example.com"}},
                {"mission_id", missions[size_t(i) % missions.size()]}});
        if (!r) {
            std::fprintf(stderr, "create: %s\n", r.error().message.c_str());
            std::exit(1);
        }
        if (i % 5000 == 4999)
            (void)db.exec("COMMIT");
    }
}

bool waitFor(const std::function<bool()> &done)
{
    QDeadlineTimer deadline(30000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

void BM_StartupModel(benchmark::State &state)
{
    for (auto _ : state) {
        Preferences prefs(nullptr, nullptr, false);
        Backend backend(storePath());
        backend.open(false);
        MissionModel missions;
        missions.setPreferences(&prefs);
        missions.setMineOnly(false);
        missions.setBackend(&backend);
        if (!waitFor([&] { return missions.loaded() && missions.rowCount() > 0; })) {
            state.SkipWithError("mission list never loaded");
            return;
        }
    }
}

void BM_StartupQml(benchmark::State &state)
{
    for (auto _ : state) {
        Preferences prefs(nullptr, nullptr, true);
        Backend backend(storePath());
        backend.open(false);
        SyncController sync(&backend, nullptr);
        sync.setAutomatic(false);
        exposeToQml(&backend, &prefs, &sync);
        QQmlApplicationEngine engine;
        prefs.setEngine(&engine);
        engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
        engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Attache/Main.qml")));
        if (engine.rootObjects().isEmpty()) {
            state.SkipWithError("Main.qml did not load");
            return;
        }
        QObject *root = engine.rootObjects().constFirst();
        // Usable: the mission list holds its missions.
        if (!waitFor([&] {
                auto *list = root->findChild<QObject *>(QStringLiteral("missionList"));
                return list && list->property("count").toInt() > 0;
            })) {
            state.SkipWithError("mission list never filled");
            return;
        }
    }
}

BENCHMARK(BM_StartupModel)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);
BENCHMARK(BM_StartupQml)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(10);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QQuickStyle::setStyle(QStringLiteral("Universal"));
    std::fprintf(stderr, "building %d contacts…\n", kContacts);
    buildDataset();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
