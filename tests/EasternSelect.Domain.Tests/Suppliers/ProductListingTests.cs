using EasternSelect.Domain.Common;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Suppliers;

public sealed class ProductListingTests
{
    private static readonly DateTime Delisted = new(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static Product Listed() => new() { Id = 5, Sku = "P0000001", Name = "保溫瓶", Category = SupplierCategory.Food, ListingStatus = ListingStatus.Listed };

    private static SamplePreInspection Inspection(Product product, SampleVerdict verdict, bool confirm = true)
    {
        var template = ChecklistTemplate.Create(SupplierCategory.Food, [new("QC-01", "商品名稱標示正確", DefectClass.Major, "目視", null)], new DateOnly(2026, 1, 1), "qa");
        template.Items[0].Id = 1;
        var sample = SamplePreInspection.Start(product, template, new DateOnly(2026, 2, 27), "inspector-1", "陳怡君");
        sample.SetResult("QC-01", verdict == SampleVerdict.Fail ? CheckResult.Fail : CheckResult.Pass, null);
        sample.Submit(verdict, verdict == SampleVerdict.Conditional ? "標示修正後再出貨" : null, null, Now);
        if (confirm)
        {
            sample.Confirm("manager-1", "林主管", Now);
        }

        return sample;
    }

    [Fact]
    public void New_Product_IsPending()
    {
        var product = new Product { Sku = "P0000009", Name = "燜燒罐" };

        Assert.Equal(ListingStatus.Pending, product.ListingStatus);
    }

    [Theory]
    [InlineData(SampleVerdict.Pass)]
    [InlineData(SampleVerdict.Conditional)]
    public void ListAfterPreInspection_PendingAndConfirmedPass_IsListed(SampleVerdict verdict)
    {
        var product = new Product { Id = 5, Sku = "P0000009", Name = "燜燒罐", Category = SupplierCategory.Food };

        var listed = product.ListAfterPreInspection(Inspection(product, verdict));

        Assert.True(listed);
        Assert.Equal(ListingStatus.Listed, product.ListingStatus);
    }

    [Fact]
    public void ListAfterPreInspection_NotConfirmedOrFailed_IsRefusedAndStaysPending()
    {
        var product = new Product { Id = 5, Sku = "P0000009", Name = "燜燒罐", Category = SupplierCategory.Food };

        Assert.Equal("Product.PreInspectionNotPassed", Assert.Throws<DomainRuleException>(() => product.ListAfterPreInspection(Inspection(product, SampleVerdict.Pass, confirm: false))).Key);
        Assert.Equal("Product.PreInspectionNotPassed", Assert.Throws<DomainRuleException>(() => product.ListAfterPreInspection(Inspection(product, SampleVerdict.Fail))).Key);
        Assert.Equal(ListingStatus.Pending, product.ListingStatus);
    }

    [Fact]
    public void ListAfterPreInspection_QaDelistedProduct_StaysDelisted()
    {
        var product = Listed();
        product.Delist("檢出塑化劑", Delisted, ListingSide.QualityAssurance);

        var listed = product.ListAfterPreInspection(Inspection(product, SampleVerdict.Pass));

        Assert.False(listed);
        Assert.Equal(ListingStatus.Delisted, product.ListingStatus);
    }

    [Fact]
    public void ListByException_Pending_IsListedWithReasonWhoAndWhen()
    {
        var product = new Product { Sku = "P0000009", Name = "燜燒罐" };

        product.ListByException("  節目檔期已排定，第三方報告下週補件 ", "林主管", Now);

        Assert.Equal((ListingStatus.Listed, "節目檔期已排定，第三方報告下週補件", "林主管", Now),
            (product.ListingStatus, product.ListingExceptionReason, product.ListingExceptionBy, product.ListingExceptionUtc));
    }

    [Fact]
    public void ListByException_NoReasonOrNotPending_IsRefused()
    {
        var pending = new Product { Sku = "P0000009", Name = "燜燒罐" };

        Assert.Equal("Product.ExceptionReasonRequired", Assert.Throws<DomainRuleException>(() => pending.ListByException(" ", "林主管", Now)).Key);
        Assert.Equal("Product.ExceptionReasonTooLong", Assert.Throws<DomainRuleException>(() => pending.ListByException(new string('長', 501), "林主管", Now)).Key);
        Assert.Equal("Product.NotPending", Assert.Throws<DomainRuleException>(() => Listed().ListByException("理由", "林主管", Now)).Key);
        Assert.Equal(ListingStatus.Pending, pending.ListingStatus);
    }

    [Fact]
    public void Delist_Listed_KeepsTheTrimmedReasonDateAndSide()
    {
        var product = Listed();

        product.Delist("  標示不符 ", Delisted, ListingSide.SupplierService);

        Assert.Equal((ListingStatus.Delisted, "標示不符", Delisted, ListingSide.SupplierService),
            (product.ListingStatus, product.DelistingReason, product.DelistedUtc, product.DelistedBy));
    }

    [Fact]
    public void Delist_Pending_IsRefused()
    {
        var product = new Product { Sku = "P0000009", Name = "燜燒罐" };

        Assert.Equal("Product.NotListed", Assert.Throws<DomainRuleException>(() => product.Delist("原因", Delisted, ListingSide.SupplierService)).Key);
    }

    [Fact]
    public void Relist_SupplierSideDelisting_IsListedWithoutTheOldReason()
    {
        var product = new Product { Sku = "P0000001", Name = "保溫瓶", ListingStatus = ListingStatus.Delisted, DelistingReason = "標示不符", DelistedUtc = Delisted };

        product.Relist(ListingSide.SupplierService);

        Assert.Equal((ListingStatus.Listed, null, null, null), (product.ListingStatus, product.DelistingReason, product.DelistedUtc, product.DelistedBy));
    }

    [Fact]
    public void Relist_QaDelistingBySupplierSide_IsRefusedAndByQaIsListed()
    {
        var product = Listed();
        product.Delist("法規更新：標示不符", Delisted, ListingSide.QualityAssurance);

        Assert.Equal("Product.RelistNeedsQaManager", Assert.Throws<DomainRuleException>(() => product.Relist(ListingSide.SupplierService)).Key);
        Assert.Equal(ListingStatus.Delisted, product.ListingStatus);

        product.Relist(ListingSide.QualityAssurance);
        Assert.Equal(ListingStatus.Listed, product.ListingStatus);
    }

    [Fact]
    public void Relist_ListedOrPending_IsRefused()
    {
        Assert.Equal("Product.NotDelisted", Assert.Throws<DomainRuleException>(() => Listed().Relist(ListingSide.QualityAssurance)).Key);
        Assert.Equal("Product.PendingNotDelisted", Assert.Throws<DomainRuleException>(() => new Product().Relist(ListingSide.QualityAssurance)).Key);
    }

    [Theory]
    [InlineData(SupplierStatus.Prospect)]
    [InlineData(SupplierStatus.Qualified)]
    [InlineData(SupplierStatus.Terminated)]
    public void Qualify_NotUnderReviewOrSuspended_IsRefused(SupplierStatus status)
    {
        var supplier = new Supplier { Name = "直接合格公司", Status = status };

        Assert.Equal("Supplier.StatusChangeNotAllowed", Assert.Throws<DomainRuleException>(() => supplier.Qualify("判定合格", "head", Delisted)).Key);
        Assert.Equal(status, supplier.Status);
        Assert.Empty(supplier.StatusChanges);
    }
}
