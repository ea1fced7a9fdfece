import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { definition } from './definition.js';

runMain(() => runSubgraph(definition));
