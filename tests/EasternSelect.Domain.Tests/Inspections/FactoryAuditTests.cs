using EasternSelect.Domain.Common;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class FactoryAuditTests
{
    private static Dictionary<FactoryItem, int> Scores(params int[] values) =>
        Enum.GetValues<FactoryItem>().Select((item, i) => (item, values[i])).ToDictionary(x => x.item, x => x.Item2);

    [Fact]
    public void Passes_AverageSeventyNoItemUnderFifty_Passes()
    {
        Assert.True(AuditScoring.Passes(Scores(70, 70, 70, 70, 70)));
        Assert.Equal(70m, AuditScoring.Average(Scores(70, 70, 70, 70, 70)));
    }

    [Fact]
    public void Passes_HighAverageButOneItemUnderFifty_Fails()
    {
        Assert.Equal(82m, AuditScoring.Average(Scores(100, 100, 100, 100, 10)));
        Assert.False(AuditScoring.Passes(Scores(100, 100, 100, 100, 10)));
    }

    [Fact]
    public void Passes_AverageJustUnderSeventy_Fails() => Assert.False(AuditScoring.Passes(Scores(70, 70, 70, 70, 69)));

    [Fact]
    public void Complete_MissingOrOutOfRangeScores_Throws()
    {
        var audit = new FactoryAudit();
        var missing = Scores(80, 80, 80, 80, 80);
        missing.Remove(FactoryItem.QcSystem);

        Assert.Contains("Audit.ScoresMissing", AuditScoring.Errors(missing));
        Assert.Contains("Audit.ScoreOutOfRange", AuditScoring.Errors(Scores(80, 80, 101, 80, 80)));
        Assert.Equal("Audit.ScoresMissing", Assert.Throws<DomainRuleException>(() => audit.Complete(missing, null)).Key);
        Assert.Equal(AuditStatus.Planned, audit.Status);
    }

    [Fact]
    public void Complete_FiveScores_CompletesWithAverageAndPass()
    {
        var audit = new FactoryAudit();

        audit.Complete(Scores(90, 80, 70, 60, 85), "良好");

        Assert.Equal(AuditStatus.Completed, audit.Status);
        Assert.Equal(5, audit.Scores.Count);
        Assert.Equal(77m, audit.Average);
        Assert.True(audit.Passed);
    }

    [Fact]
    public void IsOverdue_OpenPastDue_TrueDoneOrFuture_False()
    {
        var today = new DateOnly(2020, 5, 10);
        var late = new FollowUpAction("改善", "廠長", new DateOnly(2020, 5, 9));
        var dueToday = new FollowUpAction("改善", "廠長", today);
        var done = new FollowUpAction("改善", "廠長", new DateOnly(2020, 5, 1));
        done.MarkDone(today);

        Assert.True(late.IsOverdue(today));
        Assert.False(dueToday.IsOverdue(today));
        Assert.False(done.IsOverdue(today));
    }

    [Fact]
    public void Plan_TriggeredWithoutNote_IsRefused()
    {
        var refused = Assert.Throws<DomainRuleException>(() =>
            FactoryAudit.Plan(1, null, AuditReason.ProductAnomaly, AuditTrigger.Triggered, " ", new DateOnly(2020, 4, 22), "某工廠", "稽核員"));

        Assert.Equal("Audit.TriggerNoteRequired", refused.Key);
    }

    [Fact]
    public void Plan_Scheduled_IsPlannedWithTrimmedFactory()
    {
        var audit = FactoryAudit.Plan(1, 9, AuditReason.Oem, AuditTrigger.Scheduled, null, new DateOnly(2020, 4, 22), " 代工廠 ", "稽核員");

        Assert.Equal((AuditStatus.Planned, "代工廠", new DateOnly(2020, 4, 1)), (audit.Status, audit.FactoryName, audit.Month));
    }

    [Fact]
    public void AddActionAndFinding_WithoutOwnerOrDescription_AreRefused()
    {
        var audit = new FactoryAudit();

        Assert.Equal("Audit.OwnerRequired", Assert.Throws<DomainRuleException>(() => audit.AddAction("更換防蟲簾", " ", new DateOnly(2020, 6, 1))).Key);
        Assert.Equal("Audit.FindingRequired", Assert.Throws<DomainRuleException>(() => audit.AddFinding(FactoryItem.Environment, DefectClass.Minor, "", [])).Key);
        Assert.Empty(audit.Actions);
        Assert.Empty(audit.Findings);
    }

    [Fact]
    public void MarkDone_Twice_IsRefusedAndKeepsTheFirstDay()
    {
        var action = new FollowUpAction("改善", "廠長", new DateOnly(2020, 5, 9));
        action.MarkDone(new DateOnly(2020, 5, 8));

        Assert.Equal("Audit.ActionAlreadyDone", Assert.Throws<DomainRuleException>(() => action.MarkDone(new DateOnly(2020, 5, 20))).Key);
        Assert.Equal((FollowUpStatus.Done, new DateOnly(2020, 5, 8)), (action.Status, action.DoneOn));
    }

    [Fact]
    public void CompleteAction_NotOfThisAudit_IsRefused()
    {
        var audit = new FactoryAudit();

        Assert.Equal("Audit.NotFound", Assert.Throws<DomainRuleException>(() => audit.CompleteAction(42, new DateOnly(2020, 5, 8))).Key);
    }

    [Fact]
    public void FileSignature_RenamedFile_IsRefusedByContent()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0];
        var pdf = "%PDF-1.4 x"u8.ToArray();

        Assert.Null(FileSignature.Check("a.png", png, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        Assert.Null(FileSignature.Check("a.JPEG", jpeg, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        Assert.Equal("File.ContentMismatch", FileSignature.Check("report.jpg", pdf, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        Assert.Equal("File.TypeNotAllowed", FileSignature.Check("a.pdf", pdf, FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        Assert.Equal("File.TooLarge", FileSignature.Check("a.png", new byte[FileSignature.MaxPhotoBytes + 1], FileSignature.PhotoExtensions, FileSignature.MaxPhotoBytes));
        Assert.Null(FileSignature.Check("r.pdf", pdf, FileSignature.PdfExtensions, 1000));
    }
}
