import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsService } from './analytics.service';
import { MoveFacts } from './move-facts';

@Module({ controllers: [AnalyticsController], providers: [AnalyticsService, MoveFacts] })
export class AnalyticsModule {}
