using EasternSelect.Domain.Common;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Suppliers;

public sealed class SupplierRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Supplier Valid(SupplierStatus status = SupplierStatus.Prospect) => new()
    {
        Status = status,
        Name = "東方食品股份有限公司",
        TaxId = "04595257",
        CountryCode = "TW",
        WarrantyMonths = 12,
        YearlyTransactionVolume = 1_000_000m,
    };

    [Fact]
    public void Validate_CompleteSupplier_HasNoErrors() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData(11, true)]
    [InlineData(0, true)]
    [InlineData(12, false)]
    [InlineData(36, false)]
    public void Validate_WarrantyMonths_BelowTwelveIsRejected(int months, bool rejected)
    {
        var supplier = Valid();
        supplier.WarrantyMonths = months;

        Assert.Equal(rejected, supplier.Validate().Contains("Supplier.WarrantyTooShort"));
    }

    [Theory]
    [InlineData("04595258")]
    [InlineData("0459525")]
    [InlineData("ABCDEFGH")]
    [InlineData("")]
    public void Validate_BadTaxId_IsRejected(string taxId)
    {
        var supplier = Valid();
        supplier.TaxId = taxId;

        Assert.Contains("Supplier.TaxIdInvalid", supplier.Validate());
    }

    [Theory]
    [InlineData("tw")]
    [InlineData("TWN")]
    [InlineData("T1")]
    public void Validate_BadCountryCode_IsRejected(string country)
    {
        var supplier = Valid();
        supplier.CountryCode = country;

        Assert.Contains("Supplier.CountryInvalid", supplier.Validate());
    }

    [Fact]
    public void Validate_NameBlankAndVolumeNegative_ReportsBoth()
    {
        var supplier = Valid();
        supplier.Name = "  ";
        supplier.YearlyTransactionVolume = -1m;

        var errors = supplier.Validate();

        Assert.Contains("Supplier.NameRequired", errors);
        Assert.Contains("Supplier.VolumeNegative", errors);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", true)]
    [InlineData("2026-01-01", "2025-12-31", true)]
    [InlineData("2026-01-01", "2026-01-02", false)]
    public void Validate_ContractExpiry_MustBeAfterSigning(string signed, string expires, bool rejected)
    {
        var supplier = Valid();
        supplier.ContractSignedOn = DateOnly.Parse(signed, System.Globalization.CultureInfo.InvariantCulture);
        supplier.ContractExpiresOn = DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(rejected, supplier.Validate().Contains("Supplier.ContractExpiresBeforeSigned"));
    }

    [Fact]
    public void ChangeStatus_ProspectToUnderReview_RecordsTheChange()
    {
        var supplier = Valid();

        var change = supplier.ChangeStatus(SupplierStatus.UnderReview, null, "officer", Now);

        Assert.Equal(SupplierStatus.UnderReview, supplier.Status);
        Assert.Equal(SupplierStatus.Prospect, change.From);
        Assert.Equal(SupplierStatus.UnderReview, change.To);
        Assert.Equal("officer", change.ChangedBy);
        Assert.Single(supplier.StatusChanges);
    }

    [Theory]
    [InlineData(SupplierStatus.Prospect, SupplierStatus.Qualified)]
    [InlineData(SupplierStatus.UnderReview, SupplierStatus.Qualified)]
    [InlineData(SupplierStatus.Prospect, SupplierStatus.Suspended)]
    [InlineData(SupplierStatus.Terminated, SupplierStatus.Qualified)]
    public void ChangeStatus_NotAllowedTransition_Throws(SupplierStatus from, SupplierStatus to)
    {
        var supplier = Valid(from);

        var refused = Assert.Throws<DomainRuleException>(() => supplier.ChangeStatus(to, "原因", "officer", Now));
        Assert.Equal("Supplier.StatusChangeNotAllowed", refused.Key);
        Assert.Equal(from, supplier.Status);
    }

    [Theory]
    [InlineData(SupplierStatus.Suspended, null)]
    [InlineData(SupplierStatus.Suspended, "  ")]
    [InlineData(SupplierStatus.Terminated, "")]
    public void ChangeStatus_SuspendOrTerminateWithoutReason_Throws(SupplierStatus to, string? reason)
    {
        var supplier = Valid(SupplierStatus.Qualified);

        var refused = Assert.Throws<DomainRuleException>(() => supplier.ChangeStatus(to, reason, "head", Now));
        Assert.Equal("Supplier.StatusReasonRequired", refused.Key);
        Assert.Equal(SupplierStatus.Qualified, supplier.Status);
        Assert.Empty(supplier.StatusChanges);
    }

    [Fact]
    public void ChangeStatus_SuspendWithReason_KeepsTheTrimmedReason()
    {
        var supplier = Valid(SupplierStatus.Qualified);

        supplier.ChangeStatus(SupplierStatus.Suspended, "  月檢抽驗連續不合格 ", "head", Now);

        Assert.Equal(SupplierStatus.Suspended, supplier.Status);
        Assert.Equal("月檢抽驗連續不合格", supplier.StatusReason);
        Assert.Equal("月檢抽驗連續不合格", supplier.StatusChanges.Single().Reason);
    }

    [Fact]
    public void NextStatuses_UnderReview_DoesNotOfferQualified() =>
        Assert.DoesNotContain(SupplierStatus.Qualified, SupplierStatusRules.NextStatuses(SupplierStatus.UnderReview));
}
