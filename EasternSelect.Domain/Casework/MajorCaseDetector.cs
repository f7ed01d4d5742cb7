namespace EasternSelect.Domain.Casework;

/// <summary>
/// Finds the signs of a major complaint (重大客訴) in the words of the customer: personal injury,
/// personal-data protection, media, and consumer disputes threatening legal action. A hint for the
/// agent and an immediate route to the major-case team; the agent can always flag a case by hand.
/// </summary>
public static class MajorCaseDetector
{
    public static readonly IReadOnlyDictionary<MajorCaseReason, string[]> Keywords = new Dictionary<MajorCaseReason, string[]>
    {
        [MajorCaseReason.PersonalInjury] =
        [
            "受傷", "燙傷", "割傷", "灼傷", "燒傷", "骨折", "流血", "送醫", "就醫", "急診", "住院", "過敏", "紅腫", "中毒",
            "食物中毒", "上吐下瀉", "觸電", "爆炸", "起火", "injur", "hospital", "burned", "allergic",
        ],
        [MajorCaseReason.PersonalData] =
        [
            "個資", "個人資料", "資料外洩", "外洩", "隱私", "詐騙電話", "盜用", "被冒用", "personal data", "data leak", "privacy",
        ],
        [MajorCaseReason.Media] =
        [
            "記者", "媒體", "爆料", "新聞", "投書", "電視台", "上報", "網紅", "PTT", "Dcard", "journalist", "media", "newspaper",
        ],
        [MajorCaseReason.LegalThreat] =
        [
            "律師", "提告", "告你們", "法院", "訴訟", "存證信函", "消保官", "消基會", "法律途徑", "調解委員會", "lawyer", "sue ", "lawsuit", "legal action",
        ],
    };

    public static MajorCaseReason Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return MajorCaseReason.None;
        }

        var found = MajorCaseReason.None;
        foreach (var (reason, words) in Keywords)
        {
            if (words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                found |= reason;
            }
        }

        return found;
    }
}
