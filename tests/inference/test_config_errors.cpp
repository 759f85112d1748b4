// config.json: a table of wrong values, each edited into the tiny-medgemma config (or given as
// raw text), that must yield the expected ErrorCode and a message naming the file and the key.
#include <QJsonObject>
#include <QTest>

#include "config_test_util.h"
#include "inference/config.h"

using inference::ErrorCode;

Q_DECLARE_METATYPE(inference::ErrorCode)

class ConfigErrorsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void badModelConfig_data();
    void badModelConfig();
};

void ConfigErrorsTest::badModelConfig_data() {
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QStringList>("fragments");
    const auto invalid = ErrorCode::InvalidFile;
    const auto unsupported = ErrorCode::UnsupportedModel;
    const auto row = [](const char* name, const char* path, const QByteArray& value, ErrorCode code,
                        const QStringList& fragments) {
        QTest::newRow(name) << QByteArray() << QString::fromLatin1(path) << value << code
                            << fragments;
    };
    const auto s = [](const char* text) { return QLatin1String(text); };
    QTest::newRow("not json") << QByteArray("{\"model_type\":") << QString() << QByteArray()
                              << invalid << QStringList{s("not valid JSON")};
    QTest::newRow("json list") << QByteArray("[]") << QString() << QByteArray() << invalid
                               << QStringList{s("JSON object")};
    row("hidden_size string", "text_config/hidden_size", "\"64\"", invalid,
        {s("text_config.hidden_size"), s("an integer"), s("a string")});
    row("hidden_size negative", "text_config/hidden_size", "-64", invalid,
        {s("text_config.hidden_size"), s("-64")});
    row("hidden_size fractional", "text_config/hidden_size", "64.5", invalid,
        {s("text_config.hidden_size")});
    row("layers absurd", "text_config/num_hidden_layers", "1000000000000", invalid,
        {s("text_config.num_hidden_layers")});
    row("kv heads do not divide heads", "text_config/num_key_value_heads", "3", invalid,
        {s("text_config.num_key_value_heads"), s("num_attention_heads")});
    row("layer_types too short", "text_config/layer_types", "[\"full_attention\"]", invalid,
        {s("text_config.layer_types"), s("num_hidden_layers is 8")});
    row("layer_types unknown kind", "text_config/layer_types",
        "[\"sliding_attention\",\"sliding_attention\",\"sliding_attention\",\"sliding_attention\","
        "\"sliding_attention\",\"full_attention\",\"sliding_attention\",\"chunked_attention\"]",
        unsupported, {s("text_config.layer_types[7]"), s("chunked_attention")});
    row("sliding_window_pattern zero", "text_config/sliding_window_pattern", "0", invalid,
        {s("text_config.sliding_window_pattern")});
    row("rms_norm_eps string", "text_config/rms_norm_eps", "\"1e-6\"", invalid,
        {s("text_config.rms_norm_eps"), s("number")});
    row("final softcap negative", "text_config/final_logit_softcapping", "-30", invalid,
        {s("text_config.final_logit_softcapping")});
    row("rope yarn", "text_config/rope_scaling", "{\"rope_type\":\"yarn\",\"factor\":8}",
        unsupported, {s("text_config.rope_scaling.rope_type"), s("yarn")});
    row("rope_parameters dynamic", "text_config/rope_parameters",
        "{\"full_attention\":{\"rope_type\":\"dynamic\",\"factor\":2}}", unsupported,
        {s("text_config.rope_parameters.full_attention.rope_type"), s("dynamic")});
    row("linear rope without factor", "text_config/rope_scaling", "{\"rope_type\":\"linear\"}",
        invalid, {s("text_config.rope_scaling.factor")});
    row("rope_scaling not an object", "text_config/rope_scaling", "\"linear\"", invalid,
        {s("text_config.rope_scaling"), s("an object")});
    row("rope theta zero", "text_config/rope_theta", "0", invalid, {s("text_config.rope_theta")});
    row("attention bias", "text_config/attention_bias", "true", unsupported,
        {s("text_config.attention_bias")});
    row("exact gelu", "text_config/hidden_activation", "\"gelu\"", unsupported,
        {s("text_config.hidden_activation"), s("'gelu'")});
    row("text_config not an object", "text_config", "5", invalid,
        {s("text_config"), s("an object")});
    row("llama architecture", "architectures", "[\"LlamaForCausalLM\"]", unsupported,
        {s("architectures"), s("LlamaForCausalLM")});
    row("gemma2 model_type", "model_type", "\"gemma2\"", unsupported,
        {s("model_type"), s("gemma2")});
    row("architecture contradicts model_type", "architectures", "[\"Gemma3ForCausalLM\"]",
        unsupported, {s("Gemma3ForCausalLM"), s("gemma3")});
    row("eos string", "eos_token_id", "\"x\"", invalid, {s("eos_token_id")});
    row("eos list with string", "eos_token_id", "[1, \"x\"]", invalid, {s("eos_token_id")});
    row("eos beyond vocab", "eos_token_id", "[300000]", invalid,
        {s("eos_token_id"), s("vocab_size")});
    row("image token beyond vocab", "image_token_index", "262208", invalid,
        {s("image_token_index")});
    row("image size not a multiple of patch", "vision_config/image_size", "225", invalid,
        {s("vision_config.patch_size"), s("225")});
    row("vision heads do not divide width", "vision_config/num_attention_heads", "5", invalid,
        {s("vision_config.num_attention_heads")});
    row("vision quick_gelu", "vision_config/hidden_act", "\"quick_gelu\"", unsupported,
        {s("vision_config.hidden_act"), s("quick_gelu")});
    row("grey images", "vision_config/num_channels", "1", unsupported,
        {s("vision_config.num_channels")});
    row("tokens per image not square", "mm_tokens_per_image", "15", invalid,
        {s("mm_tokens_per_image"), s("perfect square")});
    row("tokens per image do not tile the grid", "mm_tokens_per_image", "9", invalid,
        {s("mm_tokens_per_image"), s("16 patches")});
}

void ConfigErrorsTest::badModelConfig() {
    QFETCH(QByteArray, raw);
    QFETCH(QString, path);
    QFETCH(QByteArray, value);
    QFETCH(ErrorCode, code);
    QFETCH(QStringList, fragments);
    std::string text = raw.toStdString();
    if (raw.isEmpty()) {
        QJsonObject config = testutil::fixtureConfigJson("tiny-medgemma");
        testutil::setJsonPath(config, path, value);
        text = testutil::toJsonText(config);
    }
    auto parsed = inference::parseModelConfig(text, "/models/x/config.json");
    QVERIFY(!parsed.ok());
    const QString message = QString::fromStdString(parsed.error().message);
    QCOMPARE(parsed.error().code, code);
    for (const QString& fragment :
         fragments + QStringList{QStringLiteral("/models/x/config.json")}) {
        QVERIFY2(message.contains(fragment),
                 qPrintable(message + QStringLiteral(" lacks: ") + fragment));
    }
}

QTEST_APPLESS_MAIN(ConfigErrorsTest)
#include "test_config_errors.moc"
