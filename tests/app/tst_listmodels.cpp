// RecordListModel, MissionModel and SearchModel over a real store on the worker thread.
#include "appfixture.h"
#include "missionmodel.h"
#include "recordlistmodel.h"
#include "searchmodel.h"
#include "store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

class TestListModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "UTC"); }

    void missionsNewestFirstAndFiltered()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        MissionModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&f.prefs);
        model.setBackend(f.backend.get());
        QTRY_VERIFY(model.loaded());
        QCOMPARE(model.rowCount(), 3);
        // Newest first: Laos (December) before Korea (May) before Japan (March).
        QCOMPARE(model.data(model.index(0), MissionModel::TitleRole).toString(),
            QStringLiteral("Hội chợ thương mại Việt - Lào tại Champasak"));
        QCOMPARE(model.data(model.index(2), MissionModel::PeriodRole).toString(),
            QStringLiteral("9 Mar 2026 – 15 Mar 2026"));
        f.prefs.setLanguage(QStringLiteral("vi"));
        QCOMPARE(model.data(model.index(2), MissionModel::PeriodRole).toString(),
            QStringLiteral("09/03/2026 – 15/03/2026"));
        QCOMPARE(model.data(model.index(2), MissionModel::CountriesRole).toString(),
            QStringLiteral("Nhật Bản"));
        model.setCountry(QStringLiteral("KR"));
        QCOMPARE(model.rowCount(), 1);
        model.setCountry({});
        model.setStatus(QStringLiteral("planned"));
        QCOMPARE(model.rowCount(), 1);
        model.setStatus({});
        model.setYear(2025);
        QCOMPARE(model.rowCount(), 0);
        model.setYear(2026);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.yearOptions().size(), 2); // "all years" and 2026
    }

    void pagesAndRefreshesOnWrite()
    {
        AppFixture f(false);
        QVERIFY(f.waitReady());
        // 120 contacts, listed 50 at a time.
        QSignalSpy created(f.backend.get(), &Backend::changed);
        bool done = false;
        f.backend->run(
            f.backend.get(),
            [](attache::Store &s) -> attache::Result<int> {
                for (int i = 0; i < 120; ++i) {
                    auto r = s.create(
                        "contact", {{"full_name", "Contact " + std::to_string(1000 + i)}});
                    if (!r)
                        return r.error();
                }
                return 120;
            },
            [&](attache::Result<int> r) { done = r.ok(); });
        QTRY_VERIFY(done);

        RecordListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPreferences(&f.prefs);
        model.setKind(QStringLiteral("contact"));
        model.setBackend(f.backend.get());
        QTRY_COMPARE(model.rowCount(), 50);
        QCOMPARE(model.totalCount(), 120);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 100);
        QTRY_VERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));

        // Deleting one refreshes the list in place; undo brings it back.
        const QString first = model.idAt(0);
        QSignalSpy removed(f.backend.get(), &Backend::removed);
        f.backend->remove(QStringLiteral("contact"), first);
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(2).toString(), QStringLiteral("Contact 1000"));
        QTRY_COMPARE(model.totalCount(), 119);
        QVERIFY(model.idAt(0) != first);
        QSignalSpy restored(f.backend.get(), &Backend::restored);
        f.backend->restore(QStringLiteral("contact"), first);
        QTRY_COMPARE(restored.count(), 1);
        QTRY_COMPARE(model.totalCount(), 120);
        QTRY_COMPARE(model.idAt(0), first);
        QTRY_VERIFY(f.backend->pendingCount() >= 120);
    }

    void subtitlesFollowTheLanguage()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        RecordListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        f.prefs.setLanguage(QStringLiteral("vi"));
        model.setPreferences(&f.prefs);
        model.setKind(QStringLiteral("lead"));
        model.setBackend(f.backend.get());
        QTRY_VERIFY(model.rowCount() > 0);
        QStringList subtitles;
        for (int i = 0; i < model.rowCount(); ++i)
            subtitles << model.data(model.index(i), RecordListModel::SubtitleRole).toString();
        // Vietnamese groups thousands with dots.
        QVERIFY2(subtitles.join(QLatin1Char('|')).contains(QStringLiteral(".000.000 USD")),
            qPrintable(subtitles.join(QLatin1Char('|'))));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        f.prefs.setLanguage(QStringLiteral("en"));
        QCOMPARE(changed.count(), 1);
        const auto english = model.data(model.index(0), RecordListModel::SubtitleRole).toString();
        QVERIFY2(!english.contains(QStringLiteral(".000.000")), qPrintable(english));
    }

    void searchIsAccentInsensitiveAndDropsStaleAnswers()
    {
        AppFixture f;
        QVERIFY(f.waitReady());
        SearchModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBackend(f.backend.get());
        model.setDelay(0);
        // Typed quickly: only the last query's answer is shown.
        model.setQuery(QStringLiteral("nhat ban"));
        model.setQuery(QStringLiteral("champasak"));
        QTRY_VERIFY(model.rowCount() > 0 && !model.searching());
        for (int i = 0; i < model.rowCount(); ++i) {
            const auto title = model.data(model.index(i), SearchModel::TitleRole).toString();
            QVERIFY2(!title.contains(QStringLiteral("Nhật Bản")), qPrintable(title));
        }
        QCOMPARE(model.data(model.index(0), SearchModel::TitleRole).toString(),
            QStringLiteral("Hội chợ thương mại Việt - Lào tại Champasak"));
        model.setQuery(QStringLiteral("xuc tien dau tu tai nhat ban"));
        QTRY_VERIFY(model.rowCount() > 0 && !model.searching());
        QStringList titles;
        for (int i = 0; i < model.rowCount(); ++i)
            titles << model.data(model.index(i), SearchModel::TitleRole).toString();
        QVERIFY2(titles.contains(QStringLiteral("Xúc tiến đầu tư tại Nhật Bản")),
            qPrintable(titles.join(QLatin1Char('|'))));
        model.setQuery({});
        QTRY_COMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
