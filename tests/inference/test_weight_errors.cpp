// Broken checkpoints derived from the tiny-medgemma fixture: each row drops, adds, re-shapes or
// re-types a tensor, renames a prefix or edits config.json, and must yield the expected
// ErrorCode with a message naming the tensor (stored name) and its file or layout.
#include <QTemporaryDir>
#include <QTest>

#include "checkpoint_writer.h"
#include "config_test_util.h"
#include "inference/weights.h"

using inference::ErrorCode;
using testutil::TestTensor;

Q_DECLARE_METATYPE(inference::ErrorCode)

namespace {

std::vector<std::int64_t> parseShape(const QString& text) {
    std::vector<std::int64_t> shape;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        shape.push_back(part.toLongLong());
    }
    return shape;
}

// "from=to" prefix renaming; tensors whose new name starts with "-" are dropped.
std::vector<TestTensor> applyRename(const std::vector<TestTensor>& tensors, const QString& rule) {
    if (rule.isEmpty()) {
        return tensors;
    }
    const std::string from = rule.section(QLatin1Char('='), 0, 0).toStdString();
    const std::string to = rule.section(QLatin1Char('='), 1).toStdString();
    return testutil::renamed(tensors, [&](const std::string& name) {
        const std::string n = testutil::replacePrefix(name, from, to);
        return n != name && to == "-" ? std::string() : n;
    });
}

}  // namespace

class WeightErrorsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badWeights_data();
    void badWeights();

private:
    std::vector<TestTensor> m_fixture;
};

void WeightErrorsTest::initTestCase() {
    m_fixture = testutil::readCheckpointTensors(testutil::fixtureDir("tiny-medgemma"));
    QCOMPARE(m_fixture.size(), std::size_t(145));
}

void WeightErrorsTest::badWeights_data() {
    QTest::addColumn<QString>("drop");  // stored name to remove
    QTest::addColumn<QString>("add");   // stored name to add (replaces one of that name)
    QTest::addColumn<QString>("addDtype");
    QTest::addColumn<QString>("addShape");    // "2,3"
    QTest::addColumn<QString>("rename");      // "from=to" on prefixes; to "-" drops
    QTest::addColumn<QString>("configPath");  // config.json edit
    QTest::addColumn<QByteArray>("configValue");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("fragments");
    const auto s = [](const char* text) { return QString::fromLatin1(text); };
    const QString file = s("model.safetensors");
    const QString layout4 = s("transformers 4.x layout");
    QTest::newRow("missing text tensor")
        << s("language_model.model.layers.3.mlp.up_proj.weight") << QString() << QString()
        << QString() << QString() << QString() << QByteArray() << ErrorCode::MissingTensor
        << QStringList{s("'language_model.model.layers.3.mlp.up_proj.weight'"),
                       s("text.layers.3.mlp.up_proj.weight"), layout4, file};
    QTest::newRow("missing vision tensor")
        << s("vision_tower.vision_model.encoder.layers.1.mlp.fc2.bias") << QString() << QString()
        << QString() << QString() << QString() << QByteArray() << ErrorCode::MissingTensor
        << QStringList{s("'vision_tower.vision_model.encoder.layers.1.mlp.fc2.bias'"), layout4};
    QTest::newRow("missing embedding")
        << s("language_model.model.embed_tokens.weight") << QString() << QString() << QString()
        << QString() << QString() << QByteArray() << ErrorCode::MissingTensor
        << QStringList{s("language_model.model.embed_tokens.weight"),
                       s("model.language_model.embed_tokens.weight"),
                       s("model.embed_tokens.weight"), file};
    QTest::newRow("extra layer tensor")
        << QString() << s("language_model.model.layers.99.mlp.up_proj.weight") << s("BF16")
        << s("4") << QString() << QString() << QByteArray() << ErrorCode::UnexpectedTensor
        << QStringList{s("'language_model.model.layers.99.mlp.up_proj.weight'"), file};
    QTest::newRow("vision pooling head")
        << QString() << s("vision_tower.vision_model.head.probe") << s("BF16") << s("1,1,64")
        << QString() << QString() << QByteArray() << ErrorCode::UnexpectedTensor
        << QStringList{s("'vision_tower.vision_model.head.probe'"), file};
    QTest::newRow("tensor of another layout")
        << QString() << s("model.language_model.norm.weight") << s("BF16") << s("64") << QString()
        << QString() << QByteArray() << ErrorCode::UnexpectedTensor
        << QStringList{s("'model.language_model.norm.weight'"), layout4, file};
    QTest::newRow("mis-shaped q_proj")
        << QString() << s("language_model.model.layers.2.self_attn.q_proj.weight") << s("BF16")
        << s("64,64") << QString() << QString() << QByteArray() << ErrorCode::ShapeMismatch
        << QStringList{s("'language_model.model.layers.2.self_attn.q_proj.weight'"), s("[64, 64]"),
                       s("[128, 64]"), file};
    QTest::newRow("transposed patch embedding")
        << QString() << s("vision_tower.vision_model.embeddings.patch_embedding.weight")
        << s("BF16") << s("14,14,3,64") << QString() << QString() << QByteArray()
        << ErrorCode::ShapeMismatch
        << QStringList{s("patch_embedding.weight"), s("[64, 3, 14, 14]"), file};
    QTest::newRow("integer norm") << QString() << s("language_model.model.norm.weight") << s("I32")
                                  << s("64") << QString() << QString() << QByteArray()
                                  << ErrorCode::UnsupportedModel
                                  << QStringList{s("'language_model.model.norm.weight'"), s("I32"),
                                                 file};
    QTest::newRow("lm_head of wrong shape")
        << QString() << s("language_model.lm_head.weight") << s("BF16") << s("10,64") << QString()
        << QString() << QByteArray() << ErrorCode::ShapeMismatch
        << QStringList{s("'language_model.lm_head.weight'"), s("[262208, 64]"), file};
    QTest::newRow("vocab in config differs")
        << QString() << QString() << QString() << QString() << QString()
        << s("text_config/vocab_size") << QByteArray("262200") << ErrorCode::ShapeMismatch
        << QStringList{s("'language_model.model.embed_tokens.weight'"), s("[262200, 64]"), file};
    QTest::newRow("config has one more layer")
        << QString() << QString() << QString() << QString() << QString()
        << s("text_config/num_hidden_layers") << QByteArray("9") << ErrorCode::MissingTensor
        << QStringList{s("'language_model.model.layers.8.input_layernorm.weight'"), layout4};
    QTest::newRow("untied without lm_head")
        << QString() << QString() << QString() << QString() << QString()
        << s("text_config/tie_word_embeddings") << QByteArray("false") << ErrorCode::MissingTensor
        << QStringList{s("tie_word_embeddings"), s("'language_model.lm_head.weight'"), file};
    QTest::newRow("text-only weights for a vision config")
        << QString() << QString() << QString() << QString() << s("vision_tower.=-") << QString()
        << QByteArray() << ErrorCode::MissingTensor
        << QStringList{s("'vision_tower.vision_model.embeddings.patch_embedding.weight'"), layout4};
    QTest::newRow("text-only layout for a vision config")
        << QString() << QString() << QString() << QString() << s("language_model.model.=model.")
        << QString() << QByteArray() << ErrorCode::MissingTensor
        << QStringList{s("text-only layout"), s("vision"), file};
}

void WeightErrorsTest::badWeights() {
    QFETCH(QString, drop);
    QFETCH(QString, add);
    QFETCH(QString, addDtype);
    QFETCH(QString, addShape);
    QFETCH(QString, rename);
    QFETCH(QString, configPath);
    QFETCH(QByteArray, configValue);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, fragments);

    QJsonObject config = testutil::fixtureConfigJson("tiny-medgemma");
    if (!configPath.isEmpty()) {
        testutil::setJsonPath(config, configPath, configValue);
    }
    std::vector<TestTensor> tensors;
    for (const TestTensor& t : applyRename(m_fixture, rename)) {
        if (t.name != drop.toStdString() && t.name != add.toStdString()) {
            tensors.push_back(t);
        }
    }
    if (!add.isEmpty()) {
        tensors.push_back(
            testutil::zeros(add.toStdString(), addDtype.toStdString(), parseShape(addShape)));
    }
    QTemporaryDir dir;
    QVERIFY(testutil::writeCheckpoint(dir.path(), tensors));
    auto weights =
        inference::ModelWeights::open(dir.path().toStdString(), testutil::configFrom(config));
    QVERIFY(!weights.ok());
    const QString message = QString::fromStdString(weights.error().message);
    QCOMPARE(weights.error().code, code);
    for (const QString& fragment : fragments) {
        QVERIFY2(message.contains(fragment),
                 qPrintable(message + QStringLiteral(" lacks: ") + fragment));
    }
}

QTEST_APPLESS_MAIN(WeightErrorsTest)
#include "test_weight_errors.moc"
