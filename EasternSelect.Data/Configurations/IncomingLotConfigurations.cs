using EasternSelect.Data.Conventions;
using EasternSelect.Domain.Inspections;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class IncomingLotConfiguration : IEntityTypeConfiguration<IncomingLot>
{
    public void Configure(EntityTypeBuilder<IncomingLot> builder)
    {
        builder.HasOne(l => l.Supplier).WithMany().HasForeignKey(l => l.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IncomingLot>().WithMany().HasForeignKey(l => l.ReinspectionOfLotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CorrectiveAction>().WithMany().HasForeignKey(l => l.CorrectiveActionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.LotNumber).HasMaxLength(IncomingLot.LotNumberMaxLength).IsRequired();
        builder.Property(l => l.InspectedById).HasMaxLength(450);
        builder.Property(l => l.InspectedByName).HasMaxLength(256);
        builder.Property(l => l.Note).HasMaxLength(IncomingLot.NoteMaxLength);
        builder.Ignore(l => l.IsRejected);
        builder.HasMany(l => l.Results).WithOne().HasForeignKey(r => r.IncomingLotId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t => t.HasCheckConstraint("CK_IncomingLot_Sizes", "LotSize >= 2 AND UnitsShort >= 0"));

        // The list (newest first, by month / supplier / product) and the quality figures (by month, category, supplier).
        builder.HasIndex(l => new { l.ReceivedOn, l.Id });
        builder.HasIndex(l => new { l.Month, l.Category, l.IsReinspection });
        builder.HasIndex(l => new { l.SupplierId, l.Month });
        builder.HasIndex(l => new { l.ProductId, l.ReceivedOn });
        builder.HasIndex(l => l.ReinspectionOfLotId);
        builder.HasIndex(l => new { l.Status, l.Decision });
    }
}

internal sealed class IncomingLotClassResultConfiguration : IEntityTypeConfiguration<IncomingLotClassResult>
{
    public void Configure(EntityTypeBuilder<IncomingLotClassResult> builder)
    {
        builder.Property(r => r.Aql).HasConversion<AqlToThousandthsConverter>();
        builder.Property(r => r.CodeLetter).HasMaxLength(1).IsRequired();
        builder.Ignore(r => r.Plan);
        builder.HasIndex(r => new { r.IncomingLotId, r.DefectClass }).IsUnique();
    }
}

internal sealed class InspectionStreamConfiguration : IEntityTypeConfiguration<InspectionStream>
{
    public void Configure(EntityTypeBuilder<InspectionStream> builder)
    {
        builder.HasOne(s => s.Supplier).WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Aql).HasConversion<AqlToThousandthsConverter>();
        builder.Property(s => s.State).HasMaxLength(8000).IsRequired();
        builder.HasIndex(s => new { s.SupplierId, s.Category, s.DefectClass }).IsUnique();
        builder.HasIndex(s => new { s.Severity, s.IsDiscontinued });
        builder.HasMany(s => s.Transitions).WithOne().HasForeignKey(t => t.InspectionStreamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InspectionStreamTransitionConfiguration : IEntityTypeConfiguration<InspectionStreamTransition>
{
    public void Configure(EntityTypeBuilder<InspectionStreamTransition> builder)
    {
        builder.HasOne(t => t.IncomingLot).WithMany().HasForeignKey(t => t.IncomingLotId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.By).HasMaxLength(256);
        builder.HasIndex(t => new { t.InspectionStreamId, t.OccurredUtc });
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> builder)
    {
        builder.HasOne(c => c.IncomingLot).WithMany().HasForeignKey(c => c.IncomingLotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Description).HasMaxLength(CorrectiveAction.TextMaxLength).IsRequired();
        builder.Property(c => c.SupplierResponse).HasMaxLength(CorrectiveAction.TextMaxLength);
        builder.Property(c => c.AcceptedBy).HasMaxLength(256);
        builder.HasIndex(c => c.IncomingLotId).IsUnique();
        builder.HasIndex(c => new { c.SupplierId, c.DueOn });
        builder.HasIndex(c => new { c.Status, c.DueOn });
    }
}
