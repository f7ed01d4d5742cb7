using EasternSelect.Domain.Committees;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.DisplayName).HasMaxLength(256).IsRequired();
        // Not unique: a person's ended memberships stay beside the current one (history).
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class ProductReviewMeetingConfiguration : IEntityTypeConfiguration<ProductReviewMeeting>
{
    public void Configure(EntityTypeBuilder<ProductReviewMeeting> builder)
    {
        builder.Property(m => m.ChairName).HasMaxLength(256);
        builder.Property(m => m.PassThreshold).HasPrecision(5, 2);
        builder.Ignore(m => m.Weights);
        builder.HasMany(m => m.Proposals).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.MeetingDate);
    }
}

internal sealed class ProductProposalConfiguration : IEntityTypeConfiguration<ProductProposal>
{
    public void Configure(EntityTypeBuilder<ProductProposal> builder)
    {
        builder.Property(p => p.ProductName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.SellingPoints).HasMaxLength(2000).IsRequired();
        builder.Property(p => p.SamplePreInspectionResult).HasMaxLength(1000);
        builder.Property(p => p.SubmittedById).HasMaxLength(450);
        builder.Property(p => p.SubmittedByName).HasMaxLength(256);
        builder.Property(p => p.DecisionConditions).HasMaxLength(2000);
        builder.Property(p => p.DecidedByName).HasMaxLength(256);
        builder.HasOne(p => p.Product).WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Supplier).WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ListedProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Scores).WithOne().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalScoreConfiguration : IEntityTypeConfiguration<ProposalScore>
{
    public void Configure(EntityTypeBuilder<ProposalScore> builder)
    {
        builder.Property(s => s.MemberUserId).HasMaxLength(450).IsRequired();
        builder.Property(s => s.MemberName).HasMaxLength(256);
        builder.Property(s => s.Comment).HasMaxLength(1000);
        builder.HasIndex(s => new { s.ProposalId, s.MemberUserId }).IsUnique();
    }
}

internal sealed class AnomalyMeetingConfiguration : IEntityTypeConfiguration<AnomalyMeeting>
{
    public void Configure(EntityTypeBuilder<AnomalyMeeting> builder)
    {
        builder.Property(m => m.ChairName).HasMaxLength(256);
        builder.Property(m => m.Attendees).HasMaxLength(1000);
        builder.HasMany(m => m.Suppliers).WithOne().HasForeignKey(s => s.AnomalyMeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Anomalies).WithOne().HasForeignKey(a => a.AnomalyMeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.ActionItems).WithOne(a => a.Meeting).HasForeignKey(a => a.AnomalyMeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.Month, m.Kind });
    }
}

internal sealed class AnomalyMeetingSupplierConfiguration : IEntityTypeConfiguration<AnomalyMeetingSupplier>
{
    public void Configure(EntityTypeBuilder<AnomalyMeetingSupplier> builder)
    {
        builder.HasOne<Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.AnomalyMeetingId, s.SupplierId }).IsUnique();
    }
}

internal sealed class MeetingAnomalyConfiguration : IEntityTypeConfiguration<MeetingAnomaly>
{
    public void Configure(EntityTypeBuilder<MeetingAnomaly> builder)
    {
        builder.Property(a => a.SupplierName).HasMaxLength(200);
        builder.Property(a => a.ProductName).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.Link).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Discussion).HasMaxLength(4000);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.Property(a => a.Description).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.OwnerUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.OwnerName).HasMaxLength(256);
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.HasOne<MeetingAnomaly>().WithMany().HasForeignKey(a => a.MeetingAnomalyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueDate });
        builder.HasIndex(a => new { a.Status, a.AnomalyMeetingId });
    }
}
