import QtQuick
import QtTest
import Attache
import Attache.App

// Follow-ups across missions on the demo department, as of 01/10/2026: Hạnh's done (due
// 15/04), Dũng's overdue (due 30/09). Filter by state and owner, group by owner, open one.
TestCase {
    id: test
    name: "FollowUpsPage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        FollowUpsPage {
            width: 390
            height: 844
            asOf: "2026-10-01"
        }
    }
    SignalSpy {
        id: openSpy
        signalName: "recordActivated"
    }

    function choose(box, value) {
        const i = box.indexOfValue(value);
        verify(i >= 0, "no option " + value);
        box.currentIndex = i;
        box.activated(i);
    }

    function test_filterAndOpen() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        const list = findChild(page, "followUpList");
        tryCompare(list, "count", 2, 5000);
        compare(findChild(page, "followUpCounts").text, "0 due · 1 overdue · 1 done");
        tryVerify(() => list.itemAtIndex(1) !== null, 5000);
        // By due date.
        compare(list.itemAtIndex(0).title, "Gửi hồ sơ Khu kinh tế Vũng Áng cho JETRO");
        compare(list.itemAtIndex(0).state, "done");
        // Added from the JETRO meeting: it says so (as plain text); the other came from no record.
        const from = findChild(list.itemAtIndex(0), "linked");
        verify(from.visible);
        compare(from.text, "From meeting: " + TestFixture.firstRecord("meeting").title);
        compare(from.textFormat, Text.PlainText);
        verify(!findChild(list.itemAtIndex(1), "linked").visible);
        compare(list.itemAtIndex(1).state, "overdue");
        compare(findChild(list.itemAtIndex(1), "stateChip").text, "Overdue");

        const stateBox = findChild(page, "stateFilter");
        choose(stateBox, "overdue");
        tryCompare(list, "count", 1, 5000);
        compare(list.itemAtIndex(0).ownerName, "Lê Văn Dũng");
        choose(stateBox, "due");
        tryCompare(list, "count", 0, 5000);
        choose(stateBox, "");
        tryCompare(list, "count", 2, 5000);

        const ownerBox = findChild(page, "ownerFilter");
        compare(ownerBox.count, 3); // everyone, Dũng, Hạnh
        ownerBox.currentIndex = 2;
        ownerBox.activated(2);
        tryCompare(list, "count", 1, 5000);
        tryVerify(() => list.itemAtIndex(0) !== null, 5000);
        compare(list.itemAtIndex(0).ownerName, "Trần Thị Hạnh");
        ownerBox.currentIndex = 0;
        ownerBox.activated(0);
        tryCompare(list, "count", 2, 5000);

        const group = findChild(page, "groupByOwner");
        mouseClick(group);
        tryCompare(list.section, "property", "ownerName");
        tryVerify(() => list.itemAtIndex(0) !== null && list.itemAtIndex(0).ownerName === "Lê Văn Dũng", 5000);

        openSpy.target = page;
        openSpy.clear();
        mouseClick(list.itemAtIndex(0));
        compare(openSpy.count, 1);
        compare(openSpy.signalArguments[0][0], "followup");
        compare(openSpy.signalArguments[0][1], list.itemAtIndex(0).recordId);
        compare(openSpy.signalArguments[0][2], list.itemAtIndex(0).missionId);
    }
}
