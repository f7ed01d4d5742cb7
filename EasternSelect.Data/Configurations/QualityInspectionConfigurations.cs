using EasternSelect.Domain.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class SamplePreInspectionConfiguration : IEntityTypeConfiguration<SamplePreInspection>
{
    public void Configure(EntityTypeBuilder<SamplePreInspection> builder)
    {
        builder.HasOne(s => s.Product).WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.ChecklistTemplate).WithMany().HasForeignKey(s => s.ChecklistTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.InspectorId).HasMaxLength(450);
        builder.Property(s => s.InspectorName).HasMaxLength(256);
        builder.Property(s => s.Conditions).HasMaxLength(SamplePreInspection.TextMaxLength);
        builder.Property(s => s.VerdictNote).HasMaxLength(SamplePreInspection.TextMaxLength);
        builder.Property(s => s.ConfirmedById).HasMaxLength(450);
        builder.Property(s => s.ConfirmedByName).HasMaxLength(256);
        builder.Property(s => s.SendBackReason).HasMaxLength(SamplePreInspection.TextMaxLength);
        builder.Ignore(s => s.Editable);
        builder.Ignore(s => s.FailedCritical);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SamplePreInspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Photos).WithOne().HasForeignKey(p => p.SamplePreInspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.LabReferrals).WithOne().HasForeignKey(l => l.SamplePreInspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Status, s.SubmittedUtc });
        builder.HasIndex(s => s.SampleReceivedOn);
    }
}

internal sealed class SampleCheckItemConfiguration : IEntityTypeConfiguration<SampleCheckItem>
{
    public void Configure(EntityTypeBuilder<SampleCheckItem> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(20);
        builder.Property(i => i.Note).HasMaxLength(SamplePreInspection.NoteMaxLength);
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(i => i.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.SamplePreInspectionId, i.Code }).IsUnique();
    }
}

internal sealed class SamplePhotoConfiguration : IEntityTypeConfiguration<SamplePhoto>
{
    public void Configure(EntityTypeBuilder<SamplePhoto> builder) =>
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.StoredFileId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class RecognisedLabConfiguration : IEntityTypeConfiguration<RecognisedLab>
{
    public void Configure(EntityTypeBuilder<RecognisedLab> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200).IsRequired();
        builder.Property(l => l.RecognitionNumber).HasMaxLength(100);
        builder.Property(l => l.Scope).HasMaxLength(300);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class LabReferralConfiguration : IEntityTypeConfiguration<LabReferral>
{
    public void Configure(EntityTypeBuilder<LabReferral> builder)
    {
        builder.HasOne(l => l.Lab).WithMany().HasForeignKey(l => l.RecognisedLabId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.ReportFile).WithMany().HasForeignKey(l => l.ReportFileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.TestItems).HasMaxLength(LabReferral.TestItemsMaxLength);
        builder.Property(l => l.ReportNumber).HasMaxLength(100);
    }
}

internal sealed class ProductFlagConfiguration : IEntityTypeConfiguration<ProductFlag>
{
    public void Configure(EntityTypeBuilder<ProductFlag> builder)
    {
        builder.HasOne(f => f.Product).WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Source).HasMaxLength(ProductFlag.SourceMaxLength).IsRequired();
        builder.Property(f => f.Note).HasMaxLength(ProductFlag.NoteMaxLength);
        builder.Property(f => f.RecordedBy).HasMaxLength(256);
        builder.HasIndex(f => f.Date);
    }
}

internal sealed class SpotCheckMonthConfiguration : IEntityTypeConfiguration<SpotCheckMonth>
{
    public void Configure(EntityTypeBuilder<SpotCheckMonth> builder)
    {
        builder.Property(m => m.ConfirmedById).HasMaxLength(450);
        builder.Property(m => m.ConfirmedByName).HasMaxLength(256);
        builder.HasIndex(m => m.Month).IsUnique();
        builder.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.SpotCheckMonthId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SpotCheckItemConfiguration : IEntityTypeConfiguration<SpotCheckItem>
{
    public void Configure(EntityTypeBuilder<SpotCheckItem> builder)
    {
        builder.HasOne(i => i.Product).WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Reviews.MonthlySpotCheck>().WithMany().HasForeignKey(i => i.MonthlySpotCheckId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.RemovalReason).HasMaxLength(SpotCheckItem.ReasonMaxLength);
        builder.Property(i => i.AddedReason).HasMaxLength(SpotCheckItem.ReasonMaxLength);
        builder.Property(i => i.Findings).HasMaxLength(SpotCheckItem.FindingsMaxLength);
        builder.Property(i => i.InspectedByName).HasMaxLength(256);
        builder.HasMany(i => i.Reasons).WithOne().HasForeignKey(r => r.SpotCheckItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Photos).WithOne().HasForeignKey(p => p.SpotCheckItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.SpotCheckMonthId, i.ProductId }).IsUnique();
    }
}

internal sealed class SpotCheckItemReasonConfiguration : IEntityTypeConfiguration<SpotCheckItemReason>
{
    public void Configure(EntityTypeBuilder<SpotCheckItemReason> builder) => builder.Property(r => r.Text).HasMaxLength(200);
}

internal sealed class SpotCheckPhotoConfiguration : IEntityTypeConfiguration<SpotCheckPhoto>
{
    public void Configure(EntityTypeBuilder<SpotCheckPhoto> builder) =>
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.StoredFileId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class FactoryAuditConfiguration : IEntityTypeConfiguration<FactoryAudit>
{
    public void Configure(EntityTypeBuilder<FactoryAudit> builder)
    {
        builder.HasOne(a => a.Supplier).WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Product).WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.TriggerNote).HasMaxLength(FactoryAudit.TextMaxLength);
        builder.Property(a => a.FactoryName).HasMaxLength(200);
        builder.Property(a => a.AuditorName).HasMaxLength(256);
        builder.Property(a => a.Summary).HasMaxLength(FactoryAudit.TextMaxLength);
        builder.Ignore(a => a.Month);
        builder.Ignore(a => a.Average);
        builder.Ignore(a => a.Passed);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.FactoryAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Findings).WithOne().HasForeignKey(f => f.FactoryAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Actions).WithOne().HasForeignKey(f => f.FactoryAuditId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.AuditDate);
        builder.HasIndex(a => new { a.SupplierId, a.AuditDate });
    }
}

internal sealed class AuditScoreConfiguration : IEntityTypeConfiguration<AuditScore>
{
    public void Configure(EntityTypeBuilder<AuditScore> builder)
    {
        builder.HasIndex(s => new { s.FactoryAuditId, s.Item }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_AuditScore_Range", "Score >= 0 AND Score <= 100"));
    }
}

internal sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> builder)
    {
        builder.Property(f => f.Description).HasMaxLength(FactoryAudit.TextMaxLength).IsRequired();
        builder.HasMany(f => f.Photos).WithOne().HasForeignKey(p => p.AuditFindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditPhotoConfiguration : IEntityTypeConfiguration<AuditPhoto>
{
    public void Configure(EntityTypeBuilder<AuditPhoto> builder) =>
        builder.HasOne(p => p.File).WithMany().HasForeignKey(p => p.StoredFileId).OnDelete(DeleteBehavior.Restrict);
}

internal sealed class FollowUpActionConfiguration : IEntityTypeConfiguration<FollowUpAction>
{
    public void Configure(EntityTypeBuilder<FollowUpAction> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(FactoryAudit.TextMaxLength).IsRequired();
        builder.Property(a => a.Owner).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}
