import type { DataSource } from 'typeorm';
import type { ImportStage } from './import-progress.entity';

/** At most one write of a stage's count in this many milliseconds: progress is for eyes. */
const THROTTLE_MS = 200;

/**
 * Reports how far an import has got under the key its client chose (see ImportProgress), on a
 * connection of its own, outside the import's transaction. Without a key it reports nothing.
 */
export class ImportProgressReport {
  private stageNow: ImportStage = 'reading';
  private done = 0;
  private total = 0;
  private writtenAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly key: string | undefined,
    private readonly userId: string | null,
  ) {}

  /** Enters a stage, with how many rows or records it will handle (0: it does not count them). */
  async stage(stage: ImportStage, total = 0): Promise<void> {
    [this.stageNow, this.done, this.total] = [stage, 0, total];
    await this.write();
  }

  /** `count` more handled in the current stage. */
  async advance(count: number): Promise<void> {
    this.done = Math.min(this.total, this.done + count);
    if (Date.now() - this.writtenAt >= THROTTLE_MS || this.done === this.total) await this.write();
  }

  /** Runs the import, its outcome reported as done or failed. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    if (this.key) await this.dataSource.query(`DELETE FROM import_progress WHERE updated_at < now() - interval '1 day'`);
    await this.stage('reading');
    try {
      const result = await work();
      // Done, with the last stage's count kept: what was written.
      [this.stageNow, this.done] = ['done', this.total];
      await this.write();
      return result;
    } catch (error) {
      await this.stage('failed');
      throw error;
    }
  }

  private async write(): Promise<void> {
    if (!this.key) return;
    this.writtenAt = Date.now();
    // Another user's key is left alone: a key reports one user's import.
    await this.dataSource.query(
      `INSERT INTO import_progress (key, user_id, stage, done, total) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET stage = EXCLUDED.stage, done = EXCLUDED.done, total = EXCLUDED.total, updated_at = now()
       WHERE import_progress.user_id IS NOT DISTINCT FROM EXCLUDED.user_id`,
      [this.key, this.userId, this.stageNow, this.done, this.total],
    );
  }
}
