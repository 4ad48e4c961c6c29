import QtQuick
import QtTest
import Attache
import Attache.App

// The dashboard on the demo department (2026: missions to Japan in March, Korea in May, Laos in
// December; 3 + 2 + 2 = 7 person-trips): the figures shown, and every figure and bar asking
// for the records behind it; the drill-down page lists them and opens one.
TestCase {
    id: test
    name: "DashboardPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: pageComponent
        DashboardPage {
            width: 1280
            height: 800
            asOf: "2026-10-01"
        }
    }
    Component {
        id: drillComponent
        DrillDownPage {
            width: 1280
            height: 800
            asOf: "2026-10-01"
        }
    }
    SignalSpy {
        id: drillSpy
        signalName: "drillDownRequested"
    }
    SignalSpy {
        id: openSpy
        signalName: "recordActivated"
    }

    function figure(page, key) {
        return findChild(page, "figure_" + key);
    }

    function test_figuresAndDrillDowns() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        const model = findChild(page, "dashboardModel");
        model.year = 2026;
        tryVerify(() => figure(page, "missions") && figure(page, "missions").modelData.value === "3", 5000);
        compare(figure(page, "personTrips").modelData.value, "7");
        compare(figure(page, "officials").modelData.value, "4");
        compare(figure(page, "agreementsSigned").modelData.value, "2");
        compare(figure(page, "contacts").modelData.value, "2");
        compare(figure(page, "capital:USD").modelData.value, "15,000,000 USD");
        compare(figure(page, "capital:VND").modelData.value, "337,500,000,000 VND");
        compare(figure(page, "followUpsOpen").modelData.value, "1");
        compare(figure(page, "followUpsOverdue").modelData.value, "1"); // due 30/09/2026
        compare(findChild(page, "dashboardSummary").text, "Year 2026: 3 missions with 7 person-trips");

        drillSpy.target = page;
        drillSpy.clear();
        mouseClick(figure(page, "agreementsSigned"));
        compare(drillSpy.count, 1);
        compare(drillSpy.signalArguments[0][0], "agreementsSigned");

        const korea = findChild(findChild(page, "countryChart"), "bar_KR");
        verify(korea);
        mouseClick(korea);
        compare(drillSpy.signalArguments[1][0], "country:KR");
        compare(drillSpy.signalArguments[1][1], "Missions to South Korea");

        const may = findChild(findChild(page, "monthChart"), "bar_2026-05");
        verify(may);
        may.clicked(); // below the fold of the test window: clicked as a keyboard user would

        compare(drillSpy.signalArguments[2][0], "month:2026-05");

        const trade = findChild(findChild(page, "fieldChart"), "bar_trade");
        verify(trade);
        trade.clicked();
        compare(drillSpy.signalArguments[3][0], "field:trade");

        // A custom period: spring only has the Japanese and Korean missions.
        verify(model.setPeriod("01/03/2026", "31/05/2026"));
        tryCompare(findChild(page, "dashboardSummary"), "text",
                   "1 Mar 2026 – 31 May 2026: 2 missions with 5 person-trips", 5000);
        compare(findChild(page, "monthChart").bars.length, 3);
        const period = findChild(page, "periodChooser");
        tryCompare(period, "currentValue", 0); // shows "custom period"
        // Back to a year from the chooser; the custom dates hide.
        period.currentIndex = period.indexOfValue(2026);
        period.activated(period.currentIndex);
        verify(!findChild(page, "customPeriod").visible);
        tryCompare(findChild(page, "dashboardSummary"), "text", "Year 2026: 3 missions with 7 person-trips", 5000);
    }

    function test_drillDownOpensRecords() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(drillComponent, test, {
            key: "followUpsOverdue", title: "Follow-ups overdue", from: "2026-01-01", to: "2026-12-31"
        });
        const model = findChild(page, "drillDownModel");
        tryCompare(model, "count", 1, 5000);
        const list = findChild(page, "drillDownList");
        tryVerify(() => list.itemAtIndex(0) !== null, 5000);
        compare(list.itemAtIndex(0).title, "Chuẩn bị đón đoàn Jeollabuk sang thăm");
        openSpy.target = page;
        openSpy.clear();
        mouseClick(list.itemAtIndex(0));
        compare(openSpy.count, 1);
        compare(openSpy.signalArguments[0][0], "followup");
        compare(openSpy.signalArguments[0][1], model.idAt(0));

        // Officials have no page of their own: listed, not opened.
        page.key = "officials";
        tryCompare(model, "count", 4, 5000);
        tryVerify(() => list.itemAtIndex(0) !== null && !list.itemAtIndex(0).openable, 5000);
        mouseClick(list.itemAtIndex(0));
        compare(openSpy.count, 1);
    }

    Component {
        id: toolBarComponent
        AppToolBar {}
    }
    FollowUpModel {
        id: owners
        backend: Backend
    }

    // Last (it signs a user in on this device): a leader, not only a manager, is offered the
    // dashboard, which says whose missions it counts. (That a leader's device holds only their
    // missions is the server's scope: tst_dashboardscope checks it against a real server.)
    function test_zLeaderSeesTheDashboard() {
        tryVerify(() => Backend.ready, 5000);
        tryVerify(() => owners.ownerOptions.length > 1, 5000);
        let dung = "";
        for (const o of owners.ownerOptions) {
            if (o.label === "Lê Văn Dũng") // leader of the Laos mission
                dung = o.value;
        }
        verify(dung !== "");
        Backend.setCurrentUser(dung);
        tryCompare(Backend, "currentUserId", dung, 5000);
        verify(!Backend.isManager);

        const bar = createTemporaryObject(toolBarComponent, test, { width: 1280 });
        const item = findChild(bar, "dashboardMenuItem");
        verify(item);
        // (the menu is closed: its items are laid out but not visible)
        verify(item.enabled);
        verify(item.height > 0);
        const spy = createTemporaryObject(signalSpyComponent, test,
                                          { target: bar, signalName: "dashboardRequested" });
        item.triggered();
        compare(spy.count, 1);

        const page = createTemporaryObject(pageComponent, test);
        tryVerify(() => findChild(page, "dashboardScope").visible, 5000);
        compare(findChild(page, "dashboardScope").text, "The missions you lead or belong to");
    }
    Component {
        id: signalSpyComponent
        SignalSpy {}
    }
}
