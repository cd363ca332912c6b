#include "tiles.h"

#include <QFont>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPalette>
#include <QVBoxLayout>

namespace mvdash {

QLabel *tileValue(QGridLayout *grid, int index, const QString &title) {
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *value = new QLabel(QStringLiteral("—"));
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    value->setFont(big);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *label = new QLabel(title);
    label->setAlignment(Qt::AlignRight);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(value);
    layout->addWidget(label);
    grid->addWidget(frame, index / 4, index % 4);
    return value;
}

} // namespace mvdash
