using EasternSelect.Domain.Operations;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class ProductMonthlyOperatingDataConfiguration : IEntityTypeConfiguration<ProductMonthlyOperatingData>
{
    public void Configure(EntityTypeBuilder<ProductMonthlyOperatingData> builder)
    {
        builder.HasIndex(d => new { d.Month, d.ProductId }).IsUnique();
        builder.HasIndex(d => d.ProductId);
        builder.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierYearlyVolumeConfiguration : IEntityTypeConfiguration<SupplierYearlyVolume>
{
    public void Configure(EntityTypeBuilder<SupplierYearlyVolume> builder)
    {
        builder.HasIndex(v => new { v.Year, v.SupplierId }).IsUnique();
        builder.HasIndex(v => v.SupplierId);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(v => v.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KpiTargetConfiguration : IEntityTypeConfiguration<KpiTarget>
{
    public void Configure(EntityTypeBuilder<KpiTarget> builder)
    {
        builder.HasIndex(t => t.Year).IsUnique();
        builder.Property(t => t.SetBy).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
