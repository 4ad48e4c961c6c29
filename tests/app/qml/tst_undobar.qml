import QtQuick
import QtTest
import Attache
import Attache.App

// Undo after a delete: the bar offers it, with the record's name as plain text; Ctrl+Z (or the
// button) brings the record back and hides the bar.
TestCase {
    id: test
    name: "UndoBar"
    when: windowShown
    visible: true
    width: 390
    height: 844

    UndoBar {
        id: bar
    }
    SignalSpy {
        id: removedSpy
        target: Backend
        signalName: "removed"
    }
    SignalSpy {
        id: restoredSpy
        target: Backend
        signalName: "restored"
    }

    function test_deleteThenUndo() {
        tryVerify(() => Backend.ready, 5000);
        const contact = TestFixture.firstRecord("contact");
        verify(TestFixture.recordExists("contact", contact.id));
        Backend.remove("contact", contact.id);
        removedSpy.wait(5000);
        const args = removedSpy.signalArguments[0];
        compare(args[1], contact.id);
        verify(!TestFixture.recordExists("contact", contact.id));
        bar.offerUndo("“" + args[2] + "” deleted", args[0], args[1]); // as Main does
        verify(bar.visible);
        compare(bar.text, "“" + contact.title + "” deleted");
        compare(bar.Accessible.name, bar.text);
        verify(findChild(bar, "undoButton").visible);

        keySequence(StandardKey.Undo);
        restoredSpy.wait(5000);
        verify(!bar.visible);
        verify(TestFixture.recordExists("contact", contact.id));

        // A plain message has nothing to undo: Ctrl+Z does nothing.
        bar.showMessage("Contact saved");
        verify(!findChild(bar, "undoButton").visible);
        keySequence(StandardKey.Undo);
        verify(bar.visible);
        compare(restoredSpy.count, 1);
    }
}
