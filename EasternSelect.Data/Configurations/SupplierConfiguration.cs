using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200).IsRequired();
        builder.Property(s => s.TaxId).HasMaxLength(8).IsFixedLength().IsRequired();
        builder.HasIndex(s => s.TaxId).IsUnique();
        builder.Property(s => s.CountryCode).HasMaxLength(2).IsFixedLength();
        builder.Property(s => s.ContactName).HasMaxLength(100);
        builder.Property(s => s.ContactPhone).HasMaxLength(30);
        builder.Property(s => s.ContactEmail).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_Supplier_Warranty", "WarrantyMonths >= 12"));
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => new { s.Category, s.Status });
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(32).IsRequired();
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.DelistingReason).HasMaxLength(500);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Supplier).WithMany(s => s.Products).HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SupplierId, p.ListingStatus });
        builder.HasIndex(p => new { p.Category, p.ListingStatus });
        builder.HasIndex(p => p.Name);
    }
}
