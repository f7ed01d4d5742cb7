using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Reviews;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class SpotCheckTransitionTests
{
    private static readonly DateTime Now = new(2020, 3, 12, 6, 0, 0, DateTimeKind.Utc);

    private static SpotCheckMonth Month() => SpotCheckMonth.Confirm(new DateOnly(2020, 3, 17), "m-1", "黃建國", Now);

    private static SpotCheckCandidate Candidate(int productId, params CandidateReason[] reasons) => new(productId, 9, reasons);

    [Fact]
    public void Confirm_AnyDayOfTheMonth_StoresTheFirstDay() => Assert.Equal(new DateOnly(2020, 3, 1), Month().Month);

    [Fact]
    public void Propose_FollowUpCandidate_KeepsTheCheckItFulfils()
    {
        var month = Month();

        var item = month.Propose(Candidate(5, new CandidateReason(SpotCheckReasonKind.TopSales, 900m, "1"), new CandidateReason(SpotCheckReasonKind.QualificationFollowUp, ReferenceId: 31)));

        Assert.Equal(31, item.MonthlySpotCheckId);
        Assert.Equal([SpotCheckReasonKind.TopSales, SpotCheckReasonKind.QualificationFollowUp], item.Reasons.Select(r => r.Kind));
        Assert.Equal(900d, item.Reasons[0].Value);
    }

    [Fact]
    public void AddManual_ProductAlreadyOnTheList_IsRefused()
    {
        var month = Month();
        month.Propose(Candidate(5, new CandidateReason(SpotCheckReasonKind.Flagged)));

        Assert.Equal("SpotCheck.AlreadyOnList", Assert.Throws<DomainRuleException>(() => month.AddManual(5, "節目部要求")).Key);
        Assert.Equal("SpotCheck.AddReasonRequired", Assert.Throws<DomainRuleException>(() => month.AddManual(6, " ")).Key);
        Assert.Single(month.Items);
    }

    [Fact]
    public void Record_RemovedItem_IsRefused()
    {
        var item = Month().Propose(Candidate(5, new CandidateReason(SpotCheckReasonKind.Flagged)));
        item.Remove(" 停產 ");

        Assert.Equal("SpotCheck.RemovedItem", Assert.Throws<DomainRuleException>(() => item.Record(SpotCheckOutcome.Pass, null, "陳怡君", Now)).Key);
        Assert.Equal(("停產", (SpotCheckOutcome?)null), (item.RemovalReason, item.Outcome));
    }

    [Fact]
    public void Record_FailWithoutFindings_IsRefused()
    {
        var item = Month().AddManual(5, "加驗");

        Assert.Equal("SpotCheck.FindingsRequired", Assert.Throws<DomainRuleException>(() => item.Record(SpotCheckOutcome.Fail, " ", "陳怡君", Now)).Key);
        item.Record(SpotCheckOutcome.Fail, "標示不符", "陳怡君", Now);
        Assert.Equal((SpotCheckOutcome.Fail, "標示不符"), (item.Outcome!.Value, item.Findings));
    }

    [Fact]
    public void Remove_CheckedItemOrWithoutReason_IsRefused()
    {
        var item = Month().AddManual(5, "加驗");

        Assert.Equal("SpotCheck.RemovalReasonRequired", Assert.Throws<DomainRuleException>(() => item.Remove("")).Key);
        item.Record(SpotCheckOutcome.Pass, null, "陳怡君", Now);
        Assert.Equal("SpotCheck.AlreadyChecked", Assert.Throws<DomainRuleException>(() => item.Remove("不抽了")).Key);
        Assert.False(item.Removed);
    }

    [Fact]
    public void MonthlySpotCheck_Complete_StoresStatusAndFindingsNotAText()
    {
        var check = MonthlySpotCheck.Schedule(7, 3, new DateOnly(2020, 2, 10), 1).Single();

        check.Complete(passed: true, null, Now);

        Assert.Equal((SpotCheckStatus.Passed, (string?)null, (DateTime?)Now), (check.Status, check.Result, check.CompletedUtc));
        check.Complete(passed: false, "外箱標示不符", Now);
        Assert.Equal((SpotCheckStatus.Failed, "外箱標示不符"), (check.Status, check.Result));
    }

    [Fact]
    public void MonthlySpotCheck_CancelledThenCompletedOrCancelledAgain_IsRefused()
    {
        var check = MonthlySpotCheck.Schedule(7, 3, new DateOnly(2020, 2, 10), 1).Single();
        check.Cancel("供應商停產");

        Assert.Equal("SpotCheck.FollowUpNotScheduled", Assert.Throws<DomainRuleException>(() => check.Complete(true, null, Now)).Key);
        Assert.Equal("SpotCheck.FollowUpNotScheduled", Assert.Throws<DomainRuleException>(() => check.Cancel("再取消")).Key);
        Assert.Equal((SpotCheckStatus.Cancelled, "供應商停產"), (check.Status, check.Result));
    }
}
