import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// Horizontal bars, one a line: a label, the bar, the figure. Each bar opens what it counts.
// `bars` is a list of {key, label, value, fraction, drill, drillTitle} from DashboardModel.
ColumnLayout {
    id: chart

    property var bars: []
    property color barColor: "#1976d2"
    property string emptyText: ""
    /// Width of the labels column (fixed, so that the layout never depends on itself).
    property real labelWidth: 160
    signal barActivated(string drill, string title)

    spacing: 0

    Label {
        visible: chart.bars.length === 0
        text: chart.emptyText
        opacity: 0.7
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Repeater {
        model: chart.bars
        delegate: ItemDelegate {
            id: bar
            required property var modelData
            objectName: "bar_" + modelData.key
            Layout.fillWidth: true
            implicitHeight: Style.touch
            Accessible.name: modelData.label + ": " + modelData.value
            onClicked: chart.barActivated(modelData.drill, modelData.drillTitle)

            contentItem: RowLayout {
                spacing: Style.spacing
                Label {
                    text: bar.modelData.label
                    textFormat: Text.PlainText
                    elide: Text.ElideRight
                    Layout.preferredWidth: chart.labelWidth
                }
                Item {
                    Layout.fillWidth: true
                    implicitHeight: 20
                    Rectangle {
                        height: parent.height
                        width: Math.max(2, parent.width * bar.modelData.fraction)
                        radius: 2
                        color: chart.barColor
                    }
                }
                Label {
                    text: bar.modelData.value
                    font.bold: true
                    horizontalAlignment: Text.AlignRight
                    Layout.minimumWidth: 32
                }
            }
        }
    }
}
