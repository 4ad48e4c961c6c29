import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// Columns side by side (the months of a period), scrolling sideways when there are many. Each
// column opens what it counts. `bars` as for BarChart.
Flickable {
    id: chart

    property var bars: []
    property color barColor: "#1976d2"
    signal barActivated(string drill, string title)

    readonly property real columnWidth: Math.max(30, width / Math.max(1, bars.length))

    implicitHeight: 160
    contentWidth: columnWidth * bars.length
    contentHeight: height
    clip: true
    flickableDirection: Flickable.HorizontalFlick
    boundsBehavior: Flickable.StopAtBounds

    Row {
        height: chart.height
        Repeater {
            model: chart.bars
            delegate: AbstractButton {
                id: column
                required property var modelData
                objectName: "bar_" + modelData.key
                width: chart.columnWidth
                height: chart.height
                Accessible.name: modelData.drillTitle + ": " + modelData.value
                onClicked: chart.barActivated(modelData.drill, modelData.drillTitle)

                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        text: column.modelData.count > 0 ? column.modelData.value : ""
                        font.pixelSize: 12
                        horizontalAlignment: Text.AlignHCenter
                        Layout.fillWidth: true
                    }
                    Item {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Rectangle {
                            anchors.bottom: parent.bottom
                            anchors.horizontalCenter: parent.horizontalCenter
                            width: Math.min(parent.width * 0.7, 36)
                            height: column.modelData.count > 0
                                ? Math.max(2, parent.height * column.modelData.fraction) : 1
                            radius: 2
                            color: chart.barColor
                            opacity: column.hovered || column.visualFocus ? 0.8 : 1
                        }
                    }
                    Label {
                        text: column.modelData.label
                        font.pixelSize: 11
                        horizontalAlignment: Text.AlignHCenter
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
    ScrollBar.horizontal: ScrollBar {
        policy: chart.contentWidth > chart.width ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff
    }
}
