#!/usr/bin/env python3
"""Writes the tokenizer test corpus: one JSON object per line, {"id", "text", "lossy"}.

Deterministic (fixed seed, no dependence on the environment), about 2,400 strings: radiology and
dermatology sentences in English, Portuguese and Chinese, whitespace runs, emoji sequences, rare
and combining characters, special-token strings (whole and partial) inline, and random code
points. "lossy" marks strings holding U+2581, which the tokenizer maps to the same pieces as a
space, so their decoded text has spaces there.

usage: tokenizer_corpus.py OUTPUT.jsonl
"""
import json
import os
import random
import sys

SEED = 20240611
rng = random.Random(SEED)

EN_TEMPLATES = [
    "The {side} lung shows a {size} {finding} in the {lobe} lobe.",
    "No pleural effusion or pneumothorax. Heart size is within normal limits.",
    "Impression: {finding} of the {lobe} lobe, likely infectious; follow-up radiograph in {weeks} weeks.",
    "CT of the abdomen demonstrates a {size} hypodense lesion in hepatic segment {segment}, consistent with a simple cyst.",
    "Dermoscopy of the {site} reveals an atypical pigment network with irregular dots and globules.",
    "A {size} erythematous plaque with silvery scale is present on the {site}.",
    "The lesion measures {size} x {size2} and has asymmetric borders (ABCD score {score}).",
    "Mild degenerative changes at L{vert}-L{vert1} with disc space narrowing.",
    "Endotracheal tube tip projects {cm} cm above the carina; nasogastric tube courses below the diaphragm.",
    "Comparison: prior study dated {date}. Interval increase in {finding}.",
    "Findings suggest basal cell carcinoma; excisional biopsy is recommended.",
    "There is blunting of the {side} costophrenic angle, which may reflect a small effusion.",
    "MRI brain: no acute infarct, hemorrhage, or mass effect. Ventricles are normal in size.",
    "Bone density is decreased; a compression fracture of T{thor} is new since {date}.",
    "Skin: multiple seborrheic keratoses on the trunk, the largest {size} in diameter.",
    "BI-RADS {birads}: {finding} in the {side} breast at {clock} o'clock, {cm} cm from the nipple.",
    "Patient is a {age}-year-old {sex} with cough and fever for {days} days.",
    "Recommendation: clinical correlation and short-interval follow-up CT in {months} months.",
]
PT_TEMPLATES = [
    "O pulmão {side_pt} apresenta {finding_pt} de {size} no lobo {lobe_pt}.",
    "Ausência de derrame pleural ou pneumotórax. Área cardíaca dentro dos limites da normalidade.",
    "Impressão diagnóstica: {finding_pt}, provavelmente de etiologia infecciosa.",
    "Lesão pigmentada de {size} com bordas irregulares no {site_pt}, sugestiva de nevo displásico.",
    "À dermatoscopia, observa-se rede pigmentar atípica e glóbulos periféricos.",
    "Placa eritematodescamativa de {size} na região {site_pt}, compatível com psoríase.",
    "Tomografia de abdome: lesão hipodensa de {size} no segmento {segment} hepático, sugestiva de cisto simples.",
    "Alterações degenerativas leves em L{vert}-L{vert1}, com redução do espaço discal.",
    "Paciente do sexo {sex_pt}, {age} anos, com tosse e febre há {days} dias.",
    "Recomenda-se correlação clínica e controle tomográfico em {months} meses.",
    "Não há sinais de consolidação, atelectasia ou espessamento pleural.",
    "Cânula traqueal com extremidade {cm} cm acima da carina.",
]
ZH_TEMPLATES = [
    "{side_zh}肺{lobe_zh}叶见{size}{finding_zh}。",
    "双侧胸腔未见积液，未见气胸，心影大小正常。",
    "印象：{lobe_zh}叶{finding_zh}，考虑感染性病变，建议{weeks}周后复查胸片。",
    "腹部CT示肝脏第{segment}段见{size}低密度灶，考虑单纯囊肿。",
    "皮肤镜检查：{site_zh}见不典型色素网，伴不规则点状及球状结构。",
    "{site_zh}见一{size}红斑块，表面覆银白色鳞屑，符合银屑病表现。",
    "腰椎L{vert}-L{vert1}椎间隙变窄，伴轻度退行性改变。",
    "患者，{sex_zh}，{age}岁，咳嗽、发热{days}天。",
    "建议结合临床，{months}个月后复查CT。",
    "头颅MRI未见急性梗死、出血或占位效应，脑室系统大小正常。",
    "病理提示基底细胞癌，建议手术切除并行切缘评估。",
]
SLOTS = {
    "side": ["left", "right"], "side_pt": ["esquerdo", "direito"], "side_zh": ["左", "右"],
    "lobe": ["upper", "middle", "lower"], "lobe_pt": ["superior", "médio", "inferior"],
    "lobe_zh": ["上", "中", "下"],
    "finding": ["consolidation", "nodule", "ground-glass opacity", "mass", "atelectasis",
                "calcified granuloma", "interstitial thickening"],
    "finding_pt": ["consolidação", "nódulo", "opacidade em vidro fosco", "massa", "atelectasia"],
    "finding_zh": ["实变影", "结节", "磨玻璃密度影", "肿块", "肺不张", "钙化灶"],
    "site": ["left forearm", "upper back", "right cheek", "scalp", "dorsum of the hand"],
    "site_pt": ["antebraço esquerdo", "dorso", "região malar direita", "couro cabeludo"],
    "site_zh": ["左前臂", "背部", "右侧面颊", "头皮", "手背"],
    "sex": ["man", "woman"], "sex_pt": ["masculino", "feminino"], "sex_zh": ["男", "女"],
}


def number_slots():
    return {
        "size": rng.choice(["3 mm", "7 mm", "1.2 cm", "2,5 cm", "15mm", "0.8 cm", "4 × 6 mm"]),
        "size2": rng.choice(["5 mm", "9 mm", "1.1 cm"]),
        "weeks": rng.randint(2, 8), "months": rng.randint(3, 12), "days": rng.randint(1, 14),
        "segment": rng.choice(["II", "IV", "VI", "VII", "VIII"]), "score": rng.randint(3, 8),
        "vert": (v := rng.randint(1, 4)), "vert1": v + 1, "thor": rng.randint(6, 12),
        "cm": rng.choice(["2", "3.5", "4", "5,5"]), "age": rng.randint(18, 92),
        "date": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "birads": rng.choice(["2", "3", "4A", "4B", "5"]), "clock": rng.randint(1, 12),
    }


def fill(template):
    values = number_slots()
    for key, options in SLOTS.items():
        values[key] = rng.choice(options)
    return template.format(**values)


def sentences(templates, count, max_join=4):
    out = []
    for _ in range(count):
        parts = [fill(rng.choice(templates)) for _ in range(rng.randint(1, max_join))]
        out.append(rng.choice([" ", "  ", "\n", "\n\n", " \n"]).join(parts))
    return out


WHITESPACE = [" ", "  ", "   ", "\t", "\t\t", "\n", "\n\n", "\n\n\n", "\r\n", " \t ", "\u00a0",
              "\u3000", "\u2003", "\u200b", "\u2028", "\f", "\v"]


def whitespace_cases(count):
    words = ["lesion", "nódulo", "结节", "CT", "x", "a", "Impression:", "—"]
    out = [" ", "  ", "\n", "\n\n", "\t", "\r\n", " " * 40, "\n" * 40, "\t" * 35, " \n \n ",
           "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n"]
    while len(out) < count:
        pieces = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.5:
                pieces.append(rng.choice(WHITESPACE) * rng.randint(1, 12))
            else:
                pieces.append(rng.choice(words))
        out.append("".join(pieces))
    return out


EMOJI = ["😀", "🩺", "💊", "🧬", "🦴", "👩‍⚕️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇧🇷", "🇨🇳", "🇺🇸", "🇵🇹",
         "👍🏽", "👋🏿", "🧑🏻‍🔬", "1️⃣", "#️⃣", "❤️", "☢️", "⚕️", "🫁", "🫀", "🧠", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"]
RARE = ["𠀀", "𪜀", "𫝀", "𫠠", "𬺰", "𰀀", "𱍐", "鿿", "㐀", "e\u0301", "a\u0308\u0323", "n\u0303",
        "Z\u0351\u0352\u0353\u0300\u0301", "ﬁ", "Å", "Å", "𝐀𝐁𝐂", "𝔘𝔫𝔦", "ℌ", "Ω", "µ", "ß",
        "İstanbul", "ǅ", "\ufeff", "\u200d", "\u2060", "ـ", "مرحبا", "שלום", "नमस्ते", "ภาษาไทย",
        "한국어", "日本語のテキスト", "Ελληνικά", "Русский", "ქართული", "\u0000", "\u007f",
        "\ue000", "\U000f0000", "\ufffd", "\uffff", "\U0010ffff", "°C", "±", "≥", "½", "™"]
SPECIAL = ["<start_of_turn>", "<end_of_turn>", "<bos>", "<eos>", "<pad>", "<unk>", "<mask>",
           "<image_soft_token>", "<start_of_image>", "<end_of_image>", "<unused0>", "<unused42>",
           "<unused6241>", "[multimodal]", "<table>", "</td>", "<b>", "<s>", "</s>", "<bbox>",
           "<start_of_tur", "<bos", "<unused", "<unused9999>", "<start_of_turn", "start_of_turn>",
           "<<bos>>", "<b><b>", "<image_soft_token", "<end_of_image>>", "<tr>", "</code>"]


def mix_cases(count, pool, filler):
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append(rng.choice(pool) if rng.random() < 0.6 else rng.choice(filler))
        out.append("".join(parts))
    return out


def random_code_point():
    band = rng.random()
    if band < 0.35:
        cp = rng.randint(0x20, 0x7E)
    elif band < 0.75:
        cp = rng.randint(0xA0, 0xFFFD)
    else:
        cp = rng.randint(0x10000, 0x10FFFF)
    if 0xD800 <= cp <= 0xDFFF or cp == 0x2581:
        return "x"
    return chr(cp)


def random_cases(count):
    return ["".join(random_code_point() for _ in range(rng.randint(1, 60))) for _ in range(count)]


def boundary_cases():
    # Characters that precede U+2581 inside a vocabulary piece (">" in "\u2581</"), literal
    # U+2581 runs (added tokens) and the same next to spaces.
    base = ["x> </y", "a >  </b", "-> </", "1 > </2", "<div> </div>", "p> </p> </",
            "\u2581", "\u2581\u2581", "a\u2581b", "\u2581\u2581\u2581 x", "a \u2581 b",
            ">\u2581</", " \u2581\u2581\u2581\u2581 ", "word\u2581\u2581word"]
    return base + [f"{rng.choice(['<', '>', '/'])} {rng.choice(['</a', '> ', '</'])}" * rng.randint(1, 4)
                   for _ in range(20)]


def long_cases(count):
    out = []
    for _ in range(count):
        parts = sentences(EN_TEMPLATES, 20) + sentences(PT_TEMPLATES, 10) + sentences(ZH_TEMPLATES, 10)
        rng.shuffle(parts)
        out.append("\n".join(parts))
    return out


def main():
    texts = []
    texts += sentences(EN_TEMPLATES, 420)
    texts += sentences(PT_TEMPLATES, 320)
    texts += sentences(ZH_TEMPLATES, 320)
    texts += mix_cases(100, sentences(EN_TEMPLATES + PT_TEMPLATES + ZH_TEMPLATES, 60, 1), WHITESPACE)
    texts += [rng.choice(WHITESPACE) * rng.randint(0, 3) + t + rng.choice(WHITESPACE) * rng.randint(0, 3)
              for t in sentences(EN_TEMPLATES + PT_TEMPLATES + ZH_TEMPLATES, 150, 2)]
    texts += whitespace_cases(300)
    texts += mix_cases(160, EMOJI, ["", " ", "lesion ", "病变", "\n"])
    texts += mix_cases(220, RARE, ["", " ", "a", "结节", "\t"])
    texts += mix_cases(260, SPECIAL, ["", " ", "Hello", "\n", "user\n", "病变", "🩺", "\n\n"])
    texts += random_cases(420)
    texts += boundary_cases()
    texts += long_cases(10)
    os.makedirs(os.path.dirname(os.path.abspath(sys.argv[1])), exist_ok=True)
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            row = {"id": i, "text": text, "lossy": "\u2581" in text}
            out.write(json.dumps(row, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()
