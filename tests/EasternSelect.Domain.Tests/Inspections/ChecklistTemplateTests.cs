using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Inspections;

public sealed class ChecklistTemplateTests
{
    private static readonly DateOnly Day = new(2020, 1, 1);

    private static List<ChecklistItemDraft> Drafts() =>
    [
        new("QC-01", "商品名稱標示正確", DefectClass.Major, "目視", "商品標示法 第9條"),
        new("QC-02", "無異物或蟲害", DefectClass.Critical, "目視", null),
        new("FD-01", "營養標示", DefectClass.Major, "目視", "食品安全衛生管理法 第22條"),
    ];

    private static ChecklistTemplate Version1() => ChecklistTemplate.Create(SupplierCategory.Food, Drafts(), Day, "qa.manager");

    [Fact]
    public void Create_ValidItems_IsVersionOneWithItemsInOrder()
    {
        var template = Version1();

        Assert.Equal(1, template.Number);
        Assert.Empty(template.Validate());
        Assert.Equal([1, 2, 3], template.Items.Select(i => i.Order));
        Assert.Equal("FD-01", template.Items[2].Code);
    }

    [Fact]
    public void NextVersion_ChangedItems_IncrementsNumberAndLeavesPreviousIntact()
    {
        var v1 = Version1();
        var items = v1.ToDrafts().ToList();
        items[2] = items[2] with { DefectClass = DefectClass.Critical, RegulationReference = "食品安全衛生管理法 第22條 修正" };
        items.Add(new("FD-02", "過敏原標示", DefectClass.Critical, "目視", "食品安全衛生管理法 第22條"));

        var v2 = v1.NextVersion(items, new DateOnly(2020, 7, 1), "qa.manager");

        Assert.Equal(2, v2.Number);
        Assert.Equal(SupplierCategory.Food, v2.Category);
        Assert.Equal(4, v2.Items.Count);
        Assert.Equal(DefectClass.Critical, v2.Items[2].DefectClass);
        Assert.Equal(3, v1.Items.Count);
        Assert.Equal(DefectClass.Major, v1.Items[2].DefectClass);
        Assert.DoesNotContain(v2.Items, i => v1.Items.Contains(i));
    }

    [Fact]
    public void NextVersion_NoItems_Throws()
    {
        var v1 = Version1();

        Assert.Throws<InvalidOperationException>(() => v1.NextVersion([], Day, "qa.manager"));
    }

    [Fact]
    public void Validate_DuplicateCodeIgnoringCaseAndSpaces_ReportsDuplicate()
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food,
            [.. Drafts(), new("qc-01 ", "重複的代碼", DefectClass.Minor, "目視", null)], Day, "qa.manager");

        Assert.Contains("Checklist.DuplicateCode", template.Validate());
    }

    [Fact]
    public void Validate_ItemWithoutMethodOrTitleOrCode_ReportsEach()
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food, [new(" ", " ", DefectClass.Minor, " ", null)], Day, "qa.manager");

        var errors = template.Validate();

        Assert.Contains("Checklist.CodeRequired", errors);
        Assert.Contains("Checklist.TitleRequired", errors);
        Assert.Contains("Checklist.MethodRequired", errors);
    }

    [Fact]
    public void Validate_UndefinedDefectClass_ReportsDefectClassRequired()
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food, [new("X-1", "項目", (DefectClass)9, "目視", null)], Day, "qa.manager");

        Assert.Contains("Checklist.DefectClassRequired", template.Validate());
    }

    [Fact]
    public void SpecChangeValidate_MissingWhatAndWhy_ReportsBoth()
    {
        var v1 = Version1();
        var items = v1.ToDrafts().Take(2).ToList();

        var errors = InspectionSpecChange.Validate(" ", null, v1, items);

        Assert.Contains("SpecChange.WhatChangedRequired", errors);
        Assert.Contains("SpecChange.ReasonRequired", errors);
        Assert.DoesNotContain("SpecChange.NoItemChanges", errors);
    }

    [Fact]
    public void SpecChangeValidate_ItemsUnchanged_ReportsNoItemChanges()
    {
        var v1 = Version1();

        var errors = InspectionSpecChange.Validate("修改營養標示", "食品安全衛生管理法 第22條 修正", v1, v1.ToDrafts());

        Assert.Equal(["SpecChange.NoItemChanges"], errors);
    }

    [Fact]
    public void Delist_ListedProduct_SetsStatusReasonAndDate()
    {
        var product = new Product { Sku = "P1", Name = "測試商品", ListingStatus = ListingStatus.Listed };
        var when = new DateTime(2020, 7, 1, 2, 0, 0, DateTimeKind.Utc);

        product.Delist(" 不符新版標示規定 ", when, ListingSide.QualityAssurance);

        Assert.Equal(ListingStatus.Delisted, product.ListingStatus);
        Assert.Equal("不符新版標示規定", product.DelistingReason);
        Assert.Equal(when, product.DelistedUtc);
    }

    [Fact]
    public void Delist_AlreadyDelistedOrNoReason_Throws()
    {
        var product = new Product { Sku = "P1", Name = "測試商品", ListingStatus = ListingStatus.Listed };
        Assert.Equal("Product.DelistReasonRequired", Assert.Throws<DomainRuleException>(() => product.Delist(" ", DateTime.UtcNow, ListingSide.QualityAssurance)).Key);

        product.Delist("原因", DateTime.UtcNow, ListingSide.QualityAssurance);
        Assert.Equal("Product.NotListed", Assert.Throws<DomainRuleException>(() => product.Delist("原因", DateTime.UtcNow, ListingSide.QualityAssurance)).Key);
    }

    [Fact]
    public void ValidateNext_DuplicateCodes_ReportsWithoutCreatingAVersion()
    {
        var v1 = Version1();
        var items = v1.ToDrafts().Append(new("QC-01", "重複", DefectClass.Minor, "目視", null)).ToList();

        Assert.Equal(["Checklist.DuplicateCode"], v1.ValidateNext(items));
        Assert.Empty(v1.ValidateNext(v1.ToDrafts()));
    }
}
