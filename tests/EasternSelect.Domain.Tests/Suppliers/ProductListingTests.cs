using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Suppliers;

public sealed class ProductListingTests
{
    private static readonly DateTime Delisted = new(2026, 2, 28, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Delist_Listed_KeepsTheTrimmedReasonAndDate()
    {
        var product = new Product { Sku = "P0000001", Name = "保溫瓶" };

        product.Delist("  標示不符 ", Delisted);

        Assert.Equal((ListingStatus.Delisted, "標示不符", Delisted), (product.ListingStatus, product.DelistingReason, product.DelistedUtc));
    }

    [Fact]
    public void Relist_Delisted_IsListedWithoutTheOldReason()
    {
        var product = new Product { Sku = "P0000001", Name = "保溫瓶", ListingStatus = ListingStatus.Delisted, DelistingReason = "標示不符", DelistedUtc = Delisted };

        product.Relist();

        Assert.Equal((ListingStatus.Listed, null, null), (product.ListingStatus, product.DelistingReason, product.DelistedUtc));
    }

    [Fact]
    public void Relist_Listed_IsRefused()
    {
        var product = new Product { Sku = "P0000001", Name = "保溫瓶" };

        Assert.Equal("Product.NotDelisted", Assert.Throws<DomainRuleException>(product.Relist).Key);
        Assert.Equal(ListingStatus.Listed, product.ListingStatus);
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
