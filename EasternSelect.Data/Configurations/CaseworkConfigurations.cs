using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Files;
using EasternSelect.Domain.Notifications;
using EasternSelect.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EasternSelect.Data.Configurations;

/// <summary>Complaints and grievances share one table (the casework core); their history and attachments hang off it.</summary>
internal sealed class CaseFileConfiguration : IEntityTypeConfiguration<CaseFile>
{
    public void Configure(EntityTypeBuilder<CaseFile> builder)
    {
        builder.ToTable("Cases");
        builder.HasDiscriminator<string>("Kind").HasValue<Complaint>("Complaint").HasValue<Grievance>("Grievance");
        builder.Property<string>("Kind").HasMaxLength(16);
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Description).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.AssigneeId).HasMaxLength(450);
        builder.Property(c => c.AssigneeName).HasMaxLength(256);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);

        // Lists sort by opening date within a kind, and filter by status and deadline.
        builder.HasIndex("Kind", nameof(CaseFile.Status), nameof(CaseFile.ClosureDueUtc));
        builder.HasIndex("Kind", nameof(CaseFile.ClosedUtc));

        builder.HasIndex(c => c.AssigneeId);
        builder.HasIndex(c => c.LastActivityUtc);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.CustomerName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.CustomerPhone).HasMaxLength(30).IsRequired();
        builder.Property(c => c.CustomerEmail).HasMaxLength(256);
        builder.Property(c => c.CustomerAddress).HasMaxLength(300);
        builder.Property(c => c.OrderNumber).HasMaxLength(40);
        builder.Property(c => c.RootCauseNote).HasMaxLength(1000);
        builder.Property(c => c.SupplierId).HasColumnName("SupplierId");
        builder.Ignore(c => c.IsOnline);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(c => c.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ComplaintCategory>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);

        // Case lists (one table for both kinds) sort by opening date within a kind; and every complaint KPI (closure rate,
        // online handling time, quality root causes, topics: the KPI page, the ESG chapter, the complaints report, the
        // dashboards' closure trend) sums the complaints opened in a period from this index alone, a year of 300,000
        // complaints without reading the table.
        builder.HasIndex(
                "Kind", nameof(Complaint.OpenedUtc), nameof(Complaint.ClosedUtc), nameof(Complaint.ClosedWithinTarget), nameof(Complaint.Channel),
                nameof(Complaint.RootCause), nameof(Complaint.HandlingHours), nameof(Complaint.CategoryId))
            .HasDatabaseName("IX_Cases_Kind_OpenedUtc_Kpis");
        builder.HasIndex(c => new { c.CategoryId, c.OpenedUtc });
        builder.HasIndex(c => new { c.SupplierId, c.RootCause, c.ClosedUtc });
        builder.HasIndex(c => new { c.IsMajor, c.Status });
    }
}

internal sealed class GrievanceConfiguration : IEntityTypeConfiguration<Grievance>
{
    public void Configure(EntityTypeBuilder<Grievance> builder)
    {
        builder.Property(g => g.Subject).HasMaxLength(200).IsRequired();
        builder.Property(g => g.CompanyName).HasMaxLength(200);
        builder.Property(g => g.ContactName).HasMaxLength(100);
        builder.Property(g => g.ContactPhone).HasMaxLength(30);
        builder.Property(g => g.ContactEmail).HasMaxLength(256);
        builder.Property(g => g.TokenHash).HasMaxLength(64).IsFixedLength();
        builder.Property(g => g.AuditorId).HasMaxLength(450);
        builder.Property(g => g.AuditorName).HasMaxLength(256);
        builder.Property(g => g.Conclusion).HasMaxLength(4000);
        builder.Property(g => g.SignedOffById).HasMaxLength(450);
        builder.Property(g => g.SignedOffByName).HasMaxLength(256);
        // Shares the column of Complaint.SupplierId (same meaning: the supplier concerned).
        builder.Property(g => g.SupplierId).HasColumnName("SupplierId");
        builder.HasIndex(g => g.AuditorId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("CaseEvents");
        builder.Property(e => e.ById).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(256);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.HasIndex(e => new { e.CaseId, e.AtUtc });
    }
}

internal sealed class CaseAttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.ToTable("CaseAttachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.AddedBy).HasMaxLength(256);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(a => a.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    public void Configure(EntityTypeBuilder<ComplaintCategory> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameZh).HasMaxLength(100).IsRequired();
        builder.Property(c => c.NameEn).HasMaxLength(100).IsRequired();
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasIndex(d => d.Date).IsUnique();
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength).IsRequired();
    }
}

internal sealed class GrievanceReadConfiguration : IEntityTypeConfiguration<GrievanceRead>
{
    public void Configure(EntityTypeBuilder<GrievanceRead> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.Property(r => r.Role).HasMaxLength(64);
        builder.HasOne<Grievance>().WithMany().HasForeignKey(r => r.GrievanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.GrievanceId, r.UserId }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Role).HasMaxLength(64);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.TextKey).HasMaxLength(100).IsRequired();
        builder.Property(n => n.Argument).HasMaxLength(100);
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.HasIndex(n => new { n.Role, n.CreatedUtc });
        builder.HasIndex(n => new { n.UserId, n.CreatedUtc });
    }
}

internal sealed class NotificationReadConfiguration : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.HasOne<Notification>().WithMany().HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.NotificationId, r.UserId }).IsUnique();
    }
}
