import QtQuick
import QtTest
import Attache
import Attache.App

// Contacts in and out, as a user reaches them: the menu's "Import and export contacts", then a
// phone's vCard file on the demo department. Tanaka Hiroshi is already stored (same e-mail):
// the page offers the merge, the user may refuse it; the cut-off card is listed with its lines;
// Import writes the rest.
TestCase {
    id: test
    name: "ContactImportPage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        ContactImportPage {
            width: 390
            height: 844
        }
    }
    Component {
        id: toolBarComponent
        AppToolBar {}
    }
    SignalSpy {
        id: contactsSpy
        signalName: "contactsRequested"
    }
    SignalSpy {
        id: importedSpy
        signalName: "imported"
    }

    function rowNamed(list, name) {
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i);
            if (item && item.name === name)
                return item;
        }
        return null;
    }

    function test_menuOpensThePage() {
        const bar = createTemporaryObject(toolBarComponent, test, { width: 390 });
        const item = findChild(bar, "contactsMenuItem");
        verify(item);
        verify(item.enabled && item.height > 0); // (laid out in the closed menu)
        contactsSpy.target = bar;
        item.triggered();
        compare(contactsSpy.count, 1);
    }

    function test_importOffersMerge() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        const interchange = findChild(page, "contactInterchange");
        verify(interchange);
        interchange.load(Qt.resolvedUrl("../data/contacts-with-duplicate.vcf"));
        tryCompare(interchange, "planned", true, 5000);
        compare(findChild(page, "planSummary").text, "2 new, 1 to merge, 1 matching stored contacts");

        const list = findChild(page, "importPlanList");
        tryCompare(list, "count", 3, 5000);
        tryVerify(() => rowNamed(list, "Tanaka Hiroshi") !== null, 5000);
        const tanaka = rowNamed(list, "Tanaka Hiroshi");
        compare(findChild(tanaka, "actionLabel").text,
                "Line 1: Merge into Tanaka Hiroshi (same e-mail tanaka@example.jp)");
        const merge = findChild(tanaka, "mergeChoice");
        const separate = findChild(tanaka, "separateChoice");
        verify(merge.visible && merge.checked);
        verify(separate.visible && !separate.checked);
        verify(!findChild(tanaka, "importChoice").visible);

        // Refuse the merge, then accept it again.
        mouseClick(separate);
        tryCompare(interchange, "mergeCount", 0, 5000);
        compare(findChild(rowNamed(list, "Tanaka Hiroshi"), "actionLabel").text,
                "Line 1: Separate new contact (same e-mail tanaka@example.jp)");
        mouseClick(findChild(rowNamed(list, "Tanaka Hiroshi"), "mergeChoice"));
        tryCompare(interchange, "mergeCount", 1, 5000);

        // A new contact has no merge choice, only whether to import it.
        const an = rowNamed(list, "Nguyễn Văn An");
        verify(an);
        verify(!findChild(an, "mergeChoice").visible);
        verify(findChild(an, "importChoice").visible && findChild(an, "importChoice").checked);

        // The cut-off card, with its lines and why.
        compare(interchange.skipped.length, 1);
        verify(interchange.skipped[0].startsWith("Lines 16–19: "), interchange.skipped[0]);

        importedSpy.target = interchange;
        mouseClick(findChild(page, "applyImportButton"));
        tryCompare(importedSpy, "count", 1, 5000);
        compare(importedSpy.signalArguments[0][0], 2);
        compare(importedSpy.signalArguments[0][1], 1);
        verify(!interchange.planned);
        verify(findChild(page, "resultText").text.startsWith("2 new contacts, 1 merged"),
               findChild(page, "resultText").text);
    }
}
