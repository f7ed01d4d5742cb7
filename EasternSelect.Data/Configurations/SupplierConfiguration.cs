using EasternSelect.Domain.Files;
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
        builder.Property(s => s.StatusReason).HasMaxLength(500);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(s => s.ContractFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.StatusChanges).WithOne().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.TierChanges).WithOne().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsLocal);
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => new { s.Category, s.Status });
        builder.HasIndex(s => s.YearlyTransactionVolume);
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
        builder.Property(p => p.ListingExceptionReason).HasMaxLength(Product.ReasonMaxLength);
        builder.Property(p => p.ListingExceptionBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Supplier).WithMany(s => s.Products).HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SupplierId, p.ListingStatus });
        builder.HasIndex(p => new { p.Category, p.ListingStatus });
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.Price);
    }
}
