using EasternSelect.Domain.Casework;

namespace EasternSelect.Domain.Tests.Casework;

public sealed class MajorCaseDetectorTests
{
    [Theory]
    [InlineData("使用氣炸鍋時手被燙傷，已送醫治療", MajorCaseReason.PersonalInjury)]
    [InlineData("我的個資被外流，一直接到詐騙電話", MajorCaseReason.PersonalData)]
    [InlineData("再不處理我就找記者爆料", MajorCaseReason.Media)]
    [InlineData("已寄存證信函，準備提告", MajorCaseReason.LegalThreat)]
    [InlineData("孩子吃了過敏送急診，我要找律師", MajorCaseReason.PersonalInjury | MajorCaseReason.LegalThreat)]
    [InlineData("My lawyer will take legal action", MajorCaseReason.LegalThreat)]
    public void Detect_TextWithSigns_FindsTheReasons(string text, MajorCaseReason expected) =>
        Assert.Equal(expected, MajorCaseDetector.Detect(text));

    [Theory]
    [InlineData("商品顏色與圖片不同，想要換貨")]
    [InlineData("配送延遲三天")]
    [InlineData("")]
    [InlineData(null)]
    public void Detect_OrdinaryComplaint_FindsNone(string? text) =>
        Assert.Equal(MajorCaseReason.None, MajorCaseDetector.Detect(text));

    [Fact]
    public void MarkMajor_Twice_RecordsOnce()
    {
        var complaint = new Complaint();
        var by = new CaseActor(null, "system");

        Assert.True(complaint.MarkMajor(MajorCaseReason.Media, detected: true, by, DateTime.UtcNow));
        Assert.False(complaint.MarkMajor(MajorCaseReason.Media, detected: false, by, DateTime.UtcNow));

        Assert.True(complaint.IsMajor);
        Assert.True(complaint.MajorDetected);
        Assert.Single(complaint.Events, e => e.Kind == CaseEventKind.MajorCase);
    }
}
