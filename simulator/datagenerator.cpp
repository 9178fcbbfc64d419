#include "simulator/datagenerator.h"

#include "simulator/rng.h"

#include <QDateTime>
#include <QStringBuilder>

#include <iterator>

namespace ica::sim {

namespace {

constexpr int kMonths = 12;
const int kFirstYear = 2025;
const int kFirstMonth = 12; // months run 2025-12 .. 2026-11
constexpr TimeMs kHour = 3600 * 1000LL;
constexpr TimeMs kDay = 24 * kHour;

struct FormatSpec {
    const char *code;
    const char *description;
    const char *mime;
};

const FormatSpec kFormats[] = {
    {"FASTQ", "Sequence reads in FASTQ format", "application/x-fastq"},
    {"BAM", "Binary alignment map", "application/octet-stream"},
    {"BAI", "BAM index", "application/octet-stream"},
    {"CRAM", "Compressed reference-based alignment map", "application/octet-stream"},
    {"CRAI", "CRAM index", "application/octet-stream"},
    {"VCF", "Variant call format", "text/x-vcf"},
    {"TBI", "Tabix index", "application/octet-stream"},
    {"CSV", "Comma-separated values", "text/csv"},
    {"JSON", "JSON document", "application/json"},
    {"XML", "XML document", "application/xml"},
    {"TXT", "Plain text", "text/plain"},
    {"BED", "Browser extensible data", "text/plain"},
    {"FASTA", "Sequences in FASTA format", "text/x-fasta"},
    {"HTML", "HTML report", "text/html"},
    {"UNKNOWN", "Unknown format", "application/octet-stream"},
};

const char *const kProjectNames[] = {
    "WGS-Production-2026",  "Oncology-Panel-Validation", "RNA-Seq-Atlas",
    "Clinical-Exome-Pilot", "Rare-Disease-Trios",        "Microbiome-Survey",
    "Single-Cell-Pilot",    "Pharmacogenomics-Study",
};
const char *const kProjectDescriptions[] = {
    "Whole-genome sequencing production data",
    "Validation of the solid tumour panel",
    "Bulk RNA-seq expression atlas",
    "Clinical exome sequencing pilot",
    "Trio sequencing for rare disease diagnosis",
    "16S and shotgun microbiome survey",
    "Single-cell RNA-seq feasibility study",
    "Pharmacogenomic variant study",
};
const char *const kUserTagPool[] = {"qc-passed",      "cohort-A", "cohort-B", "needs-review",
                                    "germline",       "somatic",  "tumor",    "normal",
                                    "release-2026Q3", "reprocess"};

struct Instrument {
    const char *id;
    const char *model;
    int lanes;
};
const Instrument kInstruments[] = {{"A01234", "NovaSeq6000", 4},
                                   {"LH00417", "NovaSeqX", 8},
                                   {"VH00512", "NextSeq2000", 1},
                                   {"M05123", "MiSeq", 1}};

QString two(int v) {
    return QString::number(v).rightJustified(2, QLatin1Char('0'));
}

TimeMs monthStart(int month) {
    int y = kFirstYear + (kFirstMonth - 1 + month) / 12;
    int m = (kFirstMonth - 1 + month) % 12 + 1;
    return utcDateMs(y, m, 1);
}

QString monthName(int month) {
    int y = kFirstYear + (kFirstMonth - 1 + month) / 12;
    int m = (kFirstMonth - 1 + month) % 12 + 1;
    return QString::number(y) % QLatin1Char('-') % two(m);
}

QString upperAlnum(Rng &rng, int n) {
    static const char chars[] = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    QString s;
    s.reserve(n);
    for (int i = 0; i < n; ++i)
        s.append(QLatin1Char(chars[rng.bounded(int(sizeof chars) - 1)]));
    return s;
}

// Appends nodes to one project, keeping its indices consistent and its file budget.
class TreeBuilder {
public:
    TreeBuilder(Project &project, const World &world, Rng &rng, int fileLimit)
        : m_p(project)
        , m_world(world)
        , m_rng(rng)
        , m_limit(fileLimit) {}

    bool full() const { return m_p.fileCount >= m_limit; }
    int filesLeft() const { return m_limit - m_p.fileCount; }

    int folder(int parent, const QString &name, TimeMs created) {
        const QString path = parentPath(parent) % name % QLatin1Char('/');
        const auto existing = m_p.folderByPath.constFind(path);
        if (existing != m_p.folderByPath.constEnd())
            return existing.value();
        DataNode node;
        node.id = uniqueId("fol.");
        node.name = name;
        node.path = path;
        node.folder = true;
        node.timeCreated = created;
        node.timeModified = created;
        const int index = append(parent, std::move(node));
        m_p.folderByPath.insert(path, index);
        return index;
    }

    // Returns false (adding nothing) once the project's file budget is used up.
    bool file(int parent, const QString &name, const char *formatCode, qint64 size, TimeMs created,
              int month, const QStringList &technicalTags, const QStringList &connectorTags = {}) {
        if (full())
            return false;
        DataNode node;
        node.id = uniqueId("fil.");
        node.name = name;
        node.path = parentPath(parent) % name;
        node.size = size;
        node.format = m_world.formatIndex(QLatin1String(formatCode));
        node.timeCreated = created;
        node.timeModified =
            qMin(created + m_rng.range(0, 72 * 3600) * 1000LL, DataGenerator::dataHorizon());
        node.technicalTags = technicalTags;
        node.connectorTags = connectorTags;
        node.etag = m_rng.next();
        node.status = pickStatus(month);
        if (m_rng.chance(0.25))
            node.userTags.append(
                QLatin1String(kUserTagPool[m_rng.bounded(int(std::size(kUserTagPool)))]));
        if (m_rng.chance(0.05))
            node.userTags.append(QStringLiteral("needs-review"));
        if (node.status == DataStatus::Available && month >= 6 && month <= 9 && m_rng.chance(0.15))
            node.willBeArchivedAt = created + 180 * kDay;
        if (m_rng.chance(0.02))
            node.willBeDeletedAt = created + 365 * kDay;
        append(parent, std::move(node));
        ++m_p.fileCount;
        return true;
    }

private:
    DataStatus pickStatus(int month) {
        const double r = m_rng.unit();
        if (month < 6 && r < 0.45)
            return DataStatus::Archived;
        if (r > 0.995)
            return DataStatus::Partial;
        if (r > 0.992)
            return DataStatus::Archiving;
        if (r > 0.990)
            return DataStatus::Unarchiving;
        if (r > 0.989)
            return DataStatus::Deleting;
        return DataStatus::Available;
    }

    QString parentPath(int parent) const {
        return parent < 0 ? QStringLiteral("/") : m_p.nodes[size_t(parent)].path;
    }

    QString uniqueId(const char *prefix) {
        for (;;) {
            QString id = makeDataId(prefix, m_rng);
            if (!m_p.nodeById.contains(id))
                return id;
        }
    }

    int append(int parent, DataNode node) {
        const int index = int(m_p.nodes.size());
        node.parent = parent;
        m_p.nodeById.insert(node.id, index);
        m_p.nodes.push_back(std::move(node));
        if (parent < 0)
            m_p.rootNodes.push_back(index);
        else
            m_p.nodes[size_t(parent)].children.push_back(index);
        return index;
    }

    Project &m_p;
    const World &m_world;
    Rng &m_rng;
    int m_limit;
};

QString sampleName(Rng &rng, int ordinal) {
    static const char *const suffix[] = {"T", "N", "B"};
    return QStringLiteral("PT") % QString::number(1000 + ordinal * 7 + rng.bounded(7)) %
           QLatin1Char('-') % QLatin1String(suffix[rng.bounded(3)]);
}

struct RunContext {
    QString name;
    QString month;
    int monthIndex = 0;
    TimeMs start = 0;
    const Instrument *instrument = nullptr;
};

RunContext makeRun(Rng &rng, int monthIndex, int runNumber, const Instrument *forced = nullptr) {
    RunContext run;
    run.monthIndex = monthIndex;
    run.month = monthName(monthIndex);
    run.start = monthStart(monthIndex) + rng.range(0, 22) * kDay + rng.range(6, 20) * kHour +
                rng.range(0, 3599) * 1000LL;
    run.instrument = forced ? forced : &kInstruments[rng.bounded(int(std::size(kInstruments)))];
    int y = 0, m = 0, d = 0;
    {
        const QDate date = QDateTime::fromMSecsSinceEpoch(run.start, Qt::UTC).date();
        y = date.year() % 100;
        m = date.month();
        d = date.day();
    }
    run.name = two(y) % two(m) % two(d) % QLatin1Char('_') % QLatin1String(run.instrument->id) %
               QLatin1Char('_') % QString::number(runNumber).rightJustified(4, QLatin1Char('0')) %
               QLatin1Char('_') % (rng.chance(0.5) ? QLatin1Char('A') : QLatin1Char('B')) %
               upperAlnum(rng, 9);
    return run;
}

// One sequencing run: metadata, InterOp, Fastq (samples x lanes x reads) and reports.
void addRun(TreeBuilder &tree, Rng &rng, int runsFolder, const RunContext &run, int samples,
            int firstSample, QStringList *sampleNames) {
    TimeMs t = run.start;
    const int monthFolder = tree.folder(runsFolder, run.month, monthStart(run.monthIndex));
    const int runFolder = tree.folder(monthFolder, run.name, t);
    const QStringList techTags{QStringLiteral("run:") % run.name,
                               QStringLiteral("instrument:") %
                                   QLatin1String(run.instrument->model)};
    const QStringList connector =
        rng.chance(0.2) ? QStringList{QStringLiteral("connector:lab-uploader")} : QStringList{};
    tree.file(runFolder, QStringLiteral("SampleSheet.csv"), "CSV", rng.range(2000, 9000), t,
              run.monthIndex, techTags, connector);
    tree.file(runFolder, QStringLiteral("RunInfo.xml"), "XML", rng.range(900, 3000), t,
              run.monthIndex, techTags, connector);
    tree.file(runFolder, QStringLiteral("RunParameters.xml"), "XML", rng.range(4000, 12000), t,
              run.monthIndex, techTags, connector);
    const int interop = tree.folder(runFolder, QStringLiteral("InterOp"), t);
    for (const char *bin : {"TileMetricsOut.bin", "QMetricsOut.bin", "ErrorMetricsOut.bin",
                            "IndexMetricsOut.bin", "ExtractionMetricsOut.bin"})
        tree.file(interop, QLatin1String(bin), "UNKNOWN", rng.range(100000, 90000000), t + kHour,
                  run.monthIndex, techTags, connector);
    const int fastq = tree.folder(runFolder, QStringLiteral("Fastq"), t + 30 * kHour);
    const int lanes = run.instrument->lanes > 2 ? 2 : run.instrument->lanes;
    for (int s = 0; s < samples && !tree.full(); ++s) {
        const QString sample = sampleName(rng, firstSample + s);
        if (sampleNames)
            sampleNames->append(sample);
        for (int lane = 1; lane <= lanes; ++lane)
            for (int read = 1; read <= 2; ++read)
                tree.file(fastq,
                          sample % QStringLiteral("_S") % QString::number(s + 1) %
                              QStringLiteral("_L00") % QString::number(lane) %
                              QStringLiteral("_R") % QString::number(read) %
                              QStringLiteral("_001.fastq.gz"),
                          "FASTQ", qint64(rng.range(400, 9000)) * 1000000, t + 30 * kHour,
                          run.monthIndex, techTags, connector);
    }
    tree.file(fastq, QStringLiteral("Undetermined_S0_L001_R1_001.fastq.gz"), "FASTQ",
              qint64(rng.range(50, 900)) * 1000000, t + 30 * kHour, run.monthIndex, techTags);
    const int reports = tree.folder(runFolder, QStringLiteral("Reports"), t + 31 * kHour);
    for (const char *name : {"Demultiplex_Stats.csv", "Top_Unknown_Barcodes.csv", "fastq_list.csv"})
        tree.file(reports, QLatin1String(name), "CSV", rng.range(1000, 80000), t + 31 * kHour,
                  run.monthIndex, techTags);
    tree.file(reports, QStringLiteral("RunSummary.html"), "HTML", rng.range(20000, 400000),
              t + 31 * kHour, run.monthIndex, techTags);
}

// DRAGEN-style secondary analysis outputs for the samples of one run.
void addAnalysis(TreeBuilder &tree, Rng &rng, int analysisFolder, const RunContext &run,
                 const QStringList &samples) {
    const TimeMs t = run.start + 3 * kDay;
    const int runFolder = tree.folder(analysisFolder, run.name, t);
    const QStringList techTags{QStringLiteral("pipeline:dragen-4.3.6"),
                               QStringLiteral("run:") % run.name};
    for (const QString &sample : samples) {
        if (tree.full())
            return;
        const int folder = tree.folder(runFolder, sample, t);
        const bool cram = rng.chance(0.4);
        if (cram) {
            tree.file(folder, sample % QStringLiteral(".cram"), "CRAM",
                      qint64(rng.range(15, 45)) * 1000000000, t, run.monthIndex, techTags);
            tree.file(folder, sample % QStringLiteral(".cram.crai"), "CRAI",
                      rng.range(500000, 3000000), t, run.monthIndex, techTags);
        } else {
            tree.file(folder, sample % QStringLiteral(".bam"), "BAM",
                      qint64(rng.range(30, 120)) * 1000000000, t, run.monthIndex, techTags);
            tree.file(folder, sample % QStringLiteral(".bam.bai"), "BAI",
                      rng.range(5000000, 12000000), t, run.monthIndex, techTags);
        }
        tree.file(folder, sample % QStringLiteral(".hard-filtered.vcf.gz"), "VCF",
                  qint64(rng.range(100, 900)) * 1000000, t, run.monthIndex, techTags);
        tree.file(folder, sample % QStringLiteral(".hard-filtered.vcf.gz.tbi"), "TBI",
                  rng.range(1000000, 3000000), t, run.monthIndex, techTags);
        tree.file(folder, sample % QStringLiteral(".mapping_metrics.csv"), "CSV",
                  rng.range(5000, 20000), t, run.monthIndex, techTags);
        tree.file(folder, sample % QStringLiteral(".summary.json"), "JSON", rng.range(2000, 9000),
                  t, run.monthIndex, techTags);
    }
}

void addReference(TreeBuilder &tree, Rng &rng) {
    const TimeMs t = monthStart(0) - 20 * kDay;
    const int reference = tree.folder(-1, QStringLiteral("reference"), t);
    const int grch38 = tree.folder(reference, QStringLiteral("GRCh38"), t);
    const QStringList tags{QStringLiteral("reference:GRCh38")};
    tree.file(grch38, QStringLiteral("GRCh38.fa"), "FASTA", 3273481150LL, t, 0, tags);
    tree.file(grch38, QStringLiteral("GRCh38.fa.fai"), "UNKNOWN", 160928, t, 0, tags);
    tree.file(grch38, QStringLiteral("GRCh38.dict"), "TXT", 578412, t, 0, tags);
    tree.file(grch38, QStringLiteral("exome_targets_v2.bed"), "BED", rng.range(6000000, 9000000), t,
              0, tags);
    tree.file(grch38, QStringLiteral("dbsnp_156.vcf.gz"), "VCF", 27465846210LL, t, 0, tags);
    tree.file(grch38, QStringLiteral("dbsnp_156.vcf.gz.tbi"), "TBI", 3100244, t, 0, tags);
}

void generateProjectData(Project &project, const World &world, Rng rng, int files,
                         bool withBulkFolder) {
    TreeBuilder tree(project, world, rng, files);
    if (files >= 50)
        addReference(tree, rng);
    const int bulk = withBulkFolder && files >= 1000 ? files / 5 : 0;
    const int runs = tree.folder(-1, QStringLiteral("runs"), monthStart(0));
    const int analysis = tree.folder(-1, QStringLiteral("analysis"), monthStart(0));

    // Ordinary runs, spread over the months, until only the bulk run's budget is left.
    const int budget = tree.filesLeft() - bulk;
    const int firstFile = project.fileCount;
    TreeBuilder limited(project, world, rng, project.fileCount + budget);
    int sampleOrdinal = 0;
    for (int r = 0; !limited.full(); ++r) {
        // Months fill up in proportion to the files generated so far.
        const int month = qMin(
            kMonths - 1, int(qint64(project.fileCount - firstFile) * kMonths / qMax(1, budget)));
        const RunContext run = makeRun(rng, month, 100 + r);
        QStringList samples;
        const int sampleCount = rng.range(6, 24);
        addRun(limited, rng, runs, run, sampleCount, sampleOrdinal, &samples);
        sampleOrdinal += sampleCount;
        if (rng.chance(0.7))
            addAnalysis(limited, rng, analysis, run, samples);
    }

    // The bulk run: one Fastq folder holding thousands of files.
    if (bulk > 0) {
        const RunContext run = makeRun(rng, kMonths - 1, 99, &kInstruments[1]);
        const int monthFolder = tree.folder(runs, run.month, monthStart(run.monthIndex));
        const int runFolder = tree.folder(monthFolder, run.name, run.start);
        const int fastq = tree.folder(runFolder, QStringLiteral("Fastq"), run.start + kDay);
        const QStringList techTags{QStringLiteral("run:") % run.name,
                                   QStringLiteral("instrument:NovaSeqX")};
        for (int s = 1; !tree.full(); ++s) {
            const QString sample =
                QStringLiteral("POOL") % QString::number(s).rightJustified(5, QLatin1Char('0'));
            for (int lane = 1; lane <= 4 && !tree.full(); ++lane)
                for (int read = 1; read <= 2; ++read)
                    tree.file(fastq,
                              sample % QStringLiteral("_S") % QString::number(s) %
                                  QStringLiteral("_L00") % QString::number(lane) %
                                  QStringLiteral("_R") % QString::number(read) %
                                  QStringLiteral("_001.fastq.gz"),
                              "FASTQ", qint64(rng.range(200, 4000)) * 1000000, run.start + kDay,
                              run.monthIndex, techTags);
        }
    }
}

} // namespace

TimeMs DataGenerator::dataHorizon() {
    return monthStart(kMonths - 1) + 29 * kDay; // 2026-11-30T00:00:00Z
}

void DataGenerator::generateWorld(World *world) const {
    Rng rng(m_seed ^ 0x5157A11DULL);
    const TimeMs base = utcDateMs(2024, 3, 4) + 9 * kHour;
    world->tenantId = Uuid::generate(rng);
    world->tenantName = QStringLiteral("demo-lab");
    world->user = {Uuid::generate(rng), base, base + 30 * kDay};
    world->username = QStringLiteral("dana.demo");
    world->email = QStringLiteral("dana.demo@demo-lab.example");
    world->firstname = QStringLiteral("Dana");
    world->lastname = QStringLiteral("Demo");
    world->country = {Uuid::generate(rng), base - 400 * kDay, base - 400 * kDay};
    world->region = {Uuid::generate(rng), base - 300 * kDay, base - 300 * kDay};
    world->storageBundle = {Uuid::generate(rng), base - 200 * kDay, base - 200 * kDay};
    world->formats.clear();
    for (const FormatSpec &spec : kFormats) {
        DataFormatInfo f;
        f.meta = {Uuid::generate(rng), base - 500 * kDay, base - 500 * kDay};
        f.code = QLatin1String(spec.code);
        f.description = QLatin1String(spec.description);
        f.mimeType = QLatin1String(spec.mime);
        world->formats.push_back(std::move(f));
    }
    world->newestDataTime = dataHorizon();
}

void DataGenerator::generate(int projectCount, int filesInFirstProject, int filesInOtherProjects,
                             World *world, std::vector<Project> *projects) const {
    generateWorld(world);
    projects->clear();
    projects->resize(size_t(qMax(1, projectCount)));
    for (int p = 0; p < int(projects->size()); ++p) {
        Rng rng(m_seed * 0x9E3779B97F4A7C15ull + quint64(p) * 0xC2B2AE3D27D4EB4Full + 17);
        Project &project = (*projects)[size_t(p)];
        const int nameCount = int(std::size(kProjectNames));
        project.name = QLatin1String(kProjectNames[p % nameCount]);
        if (p >= nameCount)
            project.name += QLatin1Char('-') + QString::number(p / nameCount + 1);
        project.shortDescription = QLatin1String(kProjectDescriptions[p % nameCount]);
        project.information = QStringLiteral("Managed by the demo-lab bioinformatics core. ") %
                              QStringLiteral("Contact: ") % world->email;
        const TimeMs created = monthStart(0) - (40 - p) * kDay + rng.range(8, 17) * kHour;
        project.meta = {Uuid::generate(rng), created, created + rng.range(1, 30) * kDay};
        project.userTags = {QStringLiteral("demo")};
        project.technicalTags = {QStringLiteral("lab:demo-lab")};
        const int files = p == 0                     ? filesInFirstProject
                          : filesInOtherProjects > 0 ? filesInOtherProjects
                                                     : rng.range(300, 1800);
        generateProjectData(project, *world, rng.fork(quint64(p) + 1), qMax(0, files), p == 0);
    }
}

} // namespace ica::sim
