import QtQuick
import QtQuick.Controls
import QtTest
import Attache
import Attache.App

// The camera capture of a business card, really loaded (Qt Multimedia, on demand) under the
// offscreen platform, which has no video input: the camera action then hides itself and says
// why, the file picker remains, and loading the capture component errors or warns nowhere.
TestCase {
    id: test
    name: "CameraCapture"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: dialogComponent
        QuickContactDialog {}
    }

    function test_noVideoInputExplainedWithoutWarnings() {
        failOnWarning(/.?/); // any warning at all fails this test…
        TestFixture.dropSoundServerWarnings(); // …but the test machine's lack of a sound server
        tryVerify(() => Backend.ready, 5000);
        const mission = TestFixture.firstRecord("mission");
        const dialog = createTemporaryObject(dialogComponent, test, { missionId: mission.id });
        verify(dialog);
        dialog.open();
        tryCompare(dialog, "opened", true, 5000);
        const camera = findChild(dialog.contentItem, "cameraButton");
        const file = findChild(dialog.contentItem, "photoFileButton");
        const message = findChild(dialog.contentItem, "cameraMessage");
        verify(camera && file && message);
        verify(camera.visible && camera.enabled);
        verify(!message.visible);
        const loader = findChild(dialog, "cameraLoader");
        verify(loader);
        compare(loader.status, Loader.Null); // Qt Multimedia is not loaded before the tap

        mouseClick(camera);
        tryVerify(() => !camera.visible, 20000);
        verify(message.visible);
        compare(message.text, "No camera found on this device: choose a photo file instead.");
        compare(message.textFormat, Text.PlainText);
        verify(file.visible && file.enabled);
        // The capture component really loaded (no error), found no video input, and was
        // unloaded again.
        compare(dialog.cameraProblem, "no_video_input");
        compare(loader.status, Loader.Null);
        verify(dialog.noCamera);
    }
}
