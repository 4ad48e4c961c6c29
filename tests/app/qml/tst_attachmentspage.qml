import QtQuick
import QtQuick.Controls
import QtTest
import Attache
import Attache.App

// A record's attachments: added through the file path the picker gives, listed on the record's
// form, opened (downloaded) on their own page through every state: on this device, not yet
// downloaded and failing in plain words, downloading with its progress, failed with what arrived
// kept. Names come from others and are shown as plain text, never as rich text.
// Functions run in name order, on one store.
TestCase {
    id: test
    name: "AttachmentsPage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: formComponent
        RecordFormPage {
            width: 390
            height: 844
            kind: "contact"
        }
    }
    Component {
        id: attachmentComponent
        AttachmentPage {
            width: 390
            height: 844
        }
    }
    SignalSpy {
        id: doneSpy
        signalName: "done"
    }
    SignalSpy {
        id: activatedSpy
        signalName: "attachmentActivated"
    }

    // The delegate of the attachment named `name` on a form page, or null.
    function attachmentRow(page, name) {
        for (let i = 0; i < page.attachments.count; ++i) {
            const row = findChild(page, "attachment_" + page.attachments.idAt(i));
            if (row && row.title === name)
                return row;
        }
        return null;
    }

    function openForm(recordId, missionId) {
        const page = createTemporaryObject(formComponent, test,
                                           { recordId: recordId, missionId: missionId });
        verify(page);
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);
        tryVerify(() => !page.attachments.loading, 5000);
        return page;
    }

    function test_1_addedFromThePickerListedAndOpened() {
        tryVerify(() => Backend.ready, 5000);
        const contact = TestFixture.firstRecord("contact");
        verify(contact.id !== undefined && contact.missionId !== "");
        let page = openForm(contact.id, contact.missionId);
        const before = page.attachments.count;

        // A name with markup in it: shown as typed, never interpreted.
        const name = "card <b>Sato & Co.png"; // no "/" in a file name
        const url = TestFixture.writeImage(name);
        verify(url.startsWith("file:"));
        verify(findChild(page, "attachFileButton").visible);
        page.attachFile(url); // what the file picker's onAccepted hands over
        const pending = findChild(page, "pendingAttachment");
        tryVerify(() => pending.visible);
        compare(pending.text, name + " is attached when you save");
        compare(pending.textFormat, Text.PlainText);
        doneSpy.target = page;
        doneSpy.clear();
        keySequence(StandardKey.Save);
        doneSpy.wait(5000);
        compare(page.form.errorText, "");
        page.destroy();

        // Listed on the record's form, as plain text.
        page = openForm(contact.id, contact.missionId);
        tryCompare(page.attachments, "count", before + 1, 5000);
        let row = null;
        tryVerify(() => (row = attachmentRow(page, name)) !== null, 5000);
        const label = findChild(row, "attachmentName");
        compare(label.textFormat, Text.PlainText);
        verify(label.text.startsWith(name + " · image/png"), label.text);
        compare(row.Accessible.name, "Open " + name);
        activatedSpy.target = page;
        activatedSpy.clear();
        // Below the fold on a phone: reached from the keyboard.
        row.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(activatedSpy.count, 1);
        const attachmentId = activatedSpy.signalArguments[0][0];
        verify(attachmentId !== "");

        // Taken on this device: ready at once, the image shown, nothing to download.
        const opened = createTemporaryObject(attachmentComponent, test, { recordId: attachmentId });
        tryCompare(opened.controller, "state", "ready", 5000);
        compare(opened.title, name);
        compare(opened.header.textFormat, Text.PlainText);
        compare(opened.controller.progress, 1);
        verify(findChild(opened, "attachmentImage").visible);
        verify(findChild(opened, "openExternallyButton").visible);
        verify(!findChild(opened, "attachmentProgress").visible);
        verify(!findChild(opened, "attachmentError").visible);
    }

    function test_2_downloadStates() {
        const contact = TestFixture.firstRecord("contact");
        // A colleague's photo: its record came with a sync, its bytes are on the server only.
        const name = "<i>Kim</i> namecard.jpg";
        const remote = TestFixture.createRemoteAttachment("contact", contact.id,
                                                          contact.missionId, name, 200000);
        verify(remote.id !== undefined);
        const form = openForm(contact.id, contact.missionId);
        tryVerify(() => attachmentRow(form, name) !== null, 5000);
        compare(findChild(attachmentRow(form, name), "attachmentName").textFormat, Text.PlainText);

        // Not downloaded, and this device never signed in: says so and what to do.
        const page = createTemporaryObject(attachmentComponent, test, { recordId: remote.id });
        tryCompare(page.controller, "state", "failed", 5000);
        compare(page.title, name);
        compare(page.header.text, name);
        compare(page.header.textFormat, Text.PlainText);
        const error = findChild(page, "attachmentError");
        verify(error.visible);
        compare(error.text, "This file is not on this device yet. Sign in to download it from your department's server.");
        compare(error.textFormat, Text.PlainText);
        const retry = findChild(page, "retryButton");
        verify(retry.visible);
        verify(!findChild(page, "attachmentImage").visible);
        verify(!findChild(page, "openExternallyButton").visible);

        // Downloading: a sign-in to a server that does not answer holds the sync thread, so the
        // download waits its turn; the engine's partial file grows and the progress follows.
        Sync.signIn(TestFixture.silentServerUrl(), "hanh", "secret");
        tryVerify(() => TestFixture.silentConnections() > 0, 10000);
        verify(TestFixture.writePartialDownload(remote.sha256, 100000));
        mouseClick(retry);
        tryCompare(page.controller, "state", "downloading", 5000);
        const bar = findChild(page, "attachmentProgress");
        tryCompare(page.controller, "progress", 0.5, 5000);
        verify(bar.visible);
        compare(bar.value, 0.5);
        compare(findChild(page, "attachmentProgressText").text, "Downloading from the server… 50 %");
        verify(!error.visible);
        verify(!retry.visible);
        verify(TestFixture.writePartialDownload(remote.sha256, 150000));
        tryCompare(page.controller, "progress", 0.75, 5000);
        compare(bar.value, 0.75);

        // The connection is given up: failed, in plain words, and nothing is lost: the record,
        // and what arrived, for the next try.
        Sync.cancel();
        tryCompare(page.controller, "state", "failed", 15000);
        tryVerify(() => !Sync.signingIn, 5000);
        verify(error.visible);
        verify(error.text.length > 0);
        compare(error.textFormat, Text.PlainText);
        const kept = findChild(page, "attachmentKept");
        verify(kept.visible);
        compare(kept.text, "75 % of the file is already on this device: trying again continues from there.");
        verify(retry.visible);
        verify(!bar.visible);
        verify(TestFixture.partialDownloadExists(remote.sha256));
        verify(TestFixture.recordExists("attachment", remote.id));
    }
}
