using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class SamplePreInspectionTests
{
    private static readonly DateTime Now = new(2020, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static SamplePreInspection Sample()
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food,
        [
            new("QC-01", "商品名稱標示正確", DefectClass.Major, "目視", null),
            new("QC-02", "無異物或蟲害", DefectClass.Critical, "目視", null),
            new("QC-03", "外觀無刮傷", DefectClass.Minor, "目視", null),
        ], new DateOnly(2020, 1, 1), "qa");
        var id = 1;
        foreach (var item in template.Items)
        {
            item.Id = id++;
        }

        var product = new Product { Id = 5, Category = SupplierCategory.Food, Sku = "P1", Name = "牛肉麵" };
        return SamplePreInspection.Start(product, template, new DateOnly(2020, 2, 27), "inspector-1", "陳怡君");
    }

    private static SamplePreInspection AllPass()
    {
        var sample = Sample();
        foreach (var item in sample.Items)
        {
            sample.SetResult(item.Code, CheckResult.Pass, null);
        }

        return sample;
    }

    [Fact]
    public void Start_ProductOfAnotherCategory_IsRefused()
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food, [new("QC-01", "x", DefectClass.Minor, "目視", null)], new DateOnly(2020, 1, 1), "qa");

        var refused = Assert.Throws<DomainRuleException>(() =>
            SamplePreInspection.Start(new Product { Category = SupplierCategory.JewelleryLuxury }, template, new DateOnly(2020, 1, 2), "i", "n"));
        Assert.Equal("Sample.ChecklistOfAnotherCategory", refused.Key);
    }

    [Fact]
    public void Start_CopiesEveryItemOfTheVersion()
    {
        var sample = Sample();

        Assert.Equal(["QC-01", "QC-02", "QC-03"], sample.Items.Select(i => i.Code));
        Assert.All(sample.Items, i => Assert.Null(i.Result));
    }

    [Theory]
    [InlineData(SampleVerdict.Pass)]
    [InlineData(SampleVerdict.Conditional)]
    public void VerdictErrors_FailedCriticalItem_RefusesPassAndConditional(SampleVerdict verdict)
    {
        var sample = AllPass();
        sample.SetResult("QC-02", CheckResult.Fail, "檢出異物");

        var errors = sample.VerdictErrors(verdict, "改善後出貨");

        Assert.Contains("Sample.CriticalFailedCannotPass", errors);
        Assert.Equal("Sample.CriticalFailedCannotPass", Assert.Throws<DomainRuleException>(() => sample.Submit(verdict, "改善後出貨", null, Now)).Key);
        Assert.Equal(SampleInspectionStatus.Draft, sample.Status);
    }

    [Fact]
    public void Submit_FailedCriticalItemWithFailVerdict_IsAccepted()
    {
        var sample = AllPass();
        sample.SetResult("QC-02", CheckResult.Fail, "檢出異物");

        sample.Submit(SampleVerdict.Fail, null, "請改善", Now);

        Assert.Equal(SampleInspectionStatus.AwaitingConfirmation, sample.Status);
        Assert.Equal(SampleVerdict.Fail, sample.Verdict);
    }

    [Fact]
    public void Submit_FailedMajorItemConditional_NeedsConditions()
    {
        var sample = AllPass();
        sample.SetResult("QC-01", CheckResult.Fail, "字體過小");

        Assert.Contains("Sample.ConditionsRequired", sample.VerdictErrors(SampleVerdict.Conditional, " "));
        sample.Submit(SampleVerdict.Conditional, "標示修正後出貨", null, Now);
        Assert.Equal("標示修正後出貨", sample.Conditions);
    }

    [Fact]
    public void VerdictErrors_UncheckedItemOrPendingLab_RefusesPass()
    {
        var sample = Sample();
        sample.SetResult("QC-01", CheckResult.Pass, null);
        sample.ReferToLab(1, "重金屬", new DateOnly(2020, 2, 28));

        var errors = sample.VerdictErrors(SampleVerdict.Pass, null);

        Assert.Contains("Sample.ItemsUnchecked", errors);
        Assert.Contains("Sample.LabPending", errors);
    }

    [Fact]
    public void Confirm_ByTheInspector_IsRefused()
    {
        var sample = AllPass();
        sample.Submit(SampleVerdict.Pass, null, null, Now);

        Assert.Equal("Sample.SelfConfirmation", Assert.Throws<DomainRuleException>(() => sample.Confirm("inspector-1", "陳怡君", Now)).Key);
        sample.Confirm("manager-1", "黃建國", Now);
        Assert.Equal(SampleInspectionStatus.Confirmed, sample.Status);
    }

    [Fact]
    public void SendBack_WithReason_MakesItEditableAgain()
    {
        var sample = AllPass();
        sample.Submit(SampleVerdict.Pass, null, null, Now);

        Assert.Equal("Sample.SendBackReasonRequired", Assert.Throws<DomainRuleException>(() => sample.SendBack(" ", "manager-1")).Key);
        Assert.Equal("Sample.SelfConfirmation", Assert.Throws<DomainRuleException>(() => sample.SendBack("自己退回", "inspector-1")).Key);
        sample.SendBack("照片不清楚", "manager-1");

        Assert.True(sample.Editable);
        Assert.Equal("照片不清楚", sample.SendBackReason);
        sample.SetResult("QC-03", CheckResult.NotApplicable, null);
    }

    [Fact]
    public void Confirm_ADraft_IsRefused()
    {
        var sample = AllPass();

        Assert.Equal("Sample.NotAwaiting", Assert.Throws<DomainRuleException>(() => sample.Confirm("manager-1", "黃建國", Now)).Key);
        Assert.Equal(SampleInspectionStatus.Draft, sample.Status);
    }

    [Fact]
    public void SetResultAndReferToLab_AwaitingConfirmation_AreRefused()
    {
        var sample = AllPass();
        sample.Submit(SampleVerdict.Pass, null, null, Now);

        Assert.Equal("Sample.NotEditable", Assert.Throws<DomainRuleException>(() => sample.SetResult("QC-01", CheckResult.Fail, null)).Key);
        Assert.Equal("Sample.NotEditable", Assert.Throws<DomainRuleException>(() => sample.ReferToLab(1, "重金屬", new DateOnly(2020, 2, 28))).Key);
        Assert.Equal(CheckResult.Pass, sample.Items[0].Result);
    }

    [Fact]
    public void RecordLabResult_FailedReport_RefusesAPass()
    {
        var sample = AllPass();
        var referral = sample.ReferToLab(1, "重金屬", new DateOnly(2020, 2, 28));

        sample.RecordLabResult(referral, " R-1 ", LabResult.Fail, new DateOnly(2020, 3, 1), null);

        Assert.Equal(("R-1", LabResult.Fail), (referral.ReportNumber, referral.Result));
        Assert.Equal(["Sample.LabFailedCannotPass"], sample.VerdictErrors(SampleVerdict.Pass, null));
    }

    [Fact]
    public void RecordLabResult_ReferralOfAnotherSample_IsRefused()
    {
        var other = Sample().ReferToLab(1, "重金屬", new DateOnly(2020, 2, 28));

        Assert.Equal("Lab.ReferralNotFound", Assert.Throws<DomainRuleException>(() => AllPass().RecordLabResult(other, "R-1", LabResult.Pass, new DateOnly(2020, 3, 1), null)).Key);
    }
}
