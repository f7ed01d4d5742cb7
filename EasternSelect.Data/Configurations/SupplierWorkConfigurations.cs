using EasternSelect.Domain.Csr;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Reviews;
using EasternSelect.Domain.Suppliers;
using EasternSelect.Domain.Tiering;
using EasternSelect.Domain.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("Files");
        builder.Property(f => f.FileName).HasMaxLength(260).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.UploadedBy).HasMaxLength(256);
    }
}

internal sealed class SupplierStatusChangeConfiguration : IEntityTypeConfiguration<SupplierStatusChange>
{
    public void Configure(EntityTypeBuilder<SupplierStatusChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.SupplierId, c.ChangedUtc });
    }
}

internal sealed class SupplierTierChangeConfiguration : IEntityTypeConfiguration<SupplierTierChange>
{
    public void Configure(EntityTypeBuilder<SupplierTierChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.ApprovedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.SupplierId, c.ChangedUtc });
    }
}

internal sealed class QualificationReviewConfiguration : IEntityTypeConfiguration<QualificationReview>
{
    public void Configure(EntityTypeBuilder<QualificationReview> builder)
    {
        builder.HasOne(r => r.Supplier).WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.MethodOverrideReason).HasMaxLength(500);
        builder.Property(r => r.MethodOverriddenBy).HasMaxLength(256);
        builder.Property(r => r.ReviewerId).HasMaxLength(450);
        builder.Property(r => r.ReviewerName).HasMaxLength(256);
        builder.Property(r => r.Findings).HasMaxLength(4000);
        builder.Property(r => r.VerdictById).HasMaxLength(450);
        builder.Property(r => r.VerdictByName).HasMaxLength(256);
        builder.Property(r => r.VerdictNote).HasMaxLength(1000);
        builder.Ignore(r => r.Year);
        builder.Ignore(r => r.OnSiteAverage);
        builder.Ignore(r => r.Recommends);
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.QualificationReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Scores).WithOne().HasForeignKey(s => s.QualificationReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SupplierId, r.Status });
        builder.HasIndex(r => r.VerdictUtc);
    }
}

internal sealed class ReviewDocumentItemConfiguration : IEntityTypeConfiguration<ReviewDocumentItem>
{
    public void Configure(EntityTypeBuilder<ReviewDocumentItem> builder)
    {
        builder.Property(d => d.Note).HasMaxLength(500);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(d => d.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OnSiteScoreItemConfiguration : IEntityTypeConfiguration<OnSiteScoreItem>
{
    public void Configure(EntityTypeBuilder<OnSiteScoreItem> builder)
    {
        builder.Property(s => s.Finding).HasMaxLength(2000);
        builder.Property(s => s.PhotoFileIds).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_OnSiteScore_Range", "Score IS NULL OR (Score >= 0 AND Score <= 100)"));
    }
}

internal sealed class MonthlySpotCheckConfiguration : IEntityTypeConfiguration<MonthlySpotCheck>
{
    public void Configure(EntityTypeBuilder<MonthlySpotCheck> builder)
    {
        builder.HasOne(c => c.Supplier).WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Result).HasMaxLength(1000);
        builder.HasIndex(c => new { c.SupplierId, c.Month }).IsUnique();
        builder.HasIndex(c => c.Month);
    }
}

internal sealed class TierPolicyConfiguration : IEntityTypeConfiguration<TierPolicy>
{
    public void Configure(EntityTypeBuilder<TierPolicy> builder)
    {
        builder.HasIndex(p => p.VersionNumber).IsUnique();
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.Note).HasMaxLength(500);
    }
}

internal sealed class TierEvaluationConfiguration : IEntityTypeConfiguration<TierEvaluation>
{
    public void Configure(EntityTypeBuilder<TierEvaluation> builder)
    {
        builder.HasOne(e => e.TierPolicy).WithMany().HasForeignKey(e => e.TierPolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.RunBy).HasMaxLength(256);
        builder.HasMany(e => e.Proposals).WithOne().HasForeignKey(p => p.TierEvaluationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.Month).IsUnique();
    }
}

internal sealed class TierProposalConfiguration : IEntityTypeConfiguration<TierProposal>
{
    public void Configure(EntityTypeBuilder<TierProposal> builder)
    {
        builder.HasOne(p => p.Supplier).WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.DecidedBy).HasMaxLength(256);
        builder.Property(p => p.DecisionNote).HasMaxLength(500);
        builder.HasIndex(p => new { p.TierEvaluationId, p.SupplierId }).IsUnique();
        builder.HasIndex(p => p.Decision);
    }
}

internal sealed class SupplierMonthlyRecordConfiguration : IEntityTypeConfiguration<SupplierMonthlyRecord>
{
    public void Configure(EntityTypeBuilder<SupplierMonthlyRecord> builder)
    {
        // One source of shipped units and complaints: the imported operating data and casework (OperatingFigures), filled in when scoring.
        builder.Ignore(r => r.UnitsShipped);
        builder.Ignore(r => r.Complaints);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(r => r.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SupplierId, r.Month }).IsUnique();
        builder.HasIndex(r => r.Month);
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.Property(t => t.Topic).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Location).HasMaxLength(200);
        builder.HasMany(t => t.Attendances).WithOne().HasForeignKey(a => a.TrainingSessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.Date);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(a => a.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TrainingSessionId, a.SupplierId }).IsUnique();
        builder.HasIndex(a => a.SupplierId);
    }
}

internal sealed class CsrEvaluationConfiguration : IEntityTypeConfiguration<CsrEvaluation>
{
    public void Configure(EntityTypeBuilder<CsrEvaluation> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.EvaluatedBy).HasMaxLength(256);
        builder.Ignore(c => c.Score);
        builder.HasIndex(c => new { c.SupplierId, c.Year }).IsUnique();
    }
}
