#pragma once

#include <QByteArray>
#include <QIODevice>

namespace ica {

/// A request body that can be read once and never rewound.
///
/// Why: Qt's HTTP layer silently sends a request again when the connection closes
/// before the answer starts (it assumes a stale keep-alive connection), whatever the
/// method. For "create batch" that would create the batch twice. A body Qt cannot
/// rewind makes it fail with ContentReSendError instead, so ApiClient reports the
/// dropped connection and a POST is never repeated without the user asking.
class OnceUploadDevice final : public QIODevice {
    Q_OBJECT
public:
    explicit OnceUploadDevice(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 size() const override { return m_data.size(); }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace ica
