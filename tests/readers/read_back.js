// Reads a Minecraft export back with PrismarineJS, an implementation independent of the
// toolkit's Python writers, and prints what stands there as JSON on stdout:
//   {size: [nx, ny, nz], names: [...], voxels: [...], signs: [{x, y, z, lines}], info: {...}}
// `voxels` holds an index into `names` per voxel, x outermost, then y, then z.
// Block names are canonical: `minecraft:name[key=value,...]` with keys sorted; Bedrock
// flags read as 0/1, Java booleans as true/false.
//
//   node read_back.js schem FILE
//   node read_back.js mcstructure FILE
//   node read_back.js mcworld DIR X Y Z NX NY NZ   (an unzipped world, a region to read)
'use strict'
const fs = require('fs')
const zlib = require('zlib')
const nbt = require('prismarine-nbt')

const BEDROCK_VERSION = 'bedrock_1.21.50'

function canonical (name, properties, edition) {
  const full = name.includes(':') ? name : `minecraft:${name}`
  const keys = Object.keys(properties || {}).sort()
  if (keys.length === 0) return full
  const text = keys.map(key => `${key}=${value(properties[key], edition)}`)
  return `${full}[${text.join(',')}]`
}

function value (v, edition) {
  if (typeof v === 'object' && v !== null && 'value' in v) v = v.value
  if (edition === 'bedrock') return typeof v === 'boolean' ? (v ? '1' : '0') : String(v)
  if (v === true || v === 'true') return 'true'
  if (v === false || v === 'false') return 'false'
  return String(v)
}

class Grid {
  constructor (nx, ny, nz) {
    this.size = [nx, ny, nz]
    this.names = []
    this.index = new Map()
    this.voxels = new Array(nx * ny * nz).fill(-1)
    this.signs = []
    this.info = {}
  }

  set (x, y, z, name) {
    let i = this.index.get(name)
    if (i === undefined) {
      i = this.names.length
      this.names.push(name)
      this.index.set(name, i)
    }
    const [, ny, nz] = this.size
    this.voxels[(x * ny + y) * nz + z] = i
  }

  json () {
    return JSON.stringify({
      size: this.size, names: this.names, voxels: this.voxels, signs: this.signs, info: this.info
    })
  }
}

// prismarine-schematic 1.3.0 turns an int property's value into its state offset as is,
// which is right only for properties counted from 0 (rotation, level) and wrong for leaves'
// distance (1-7): patched here to look the value up in the property's value list.
function patchIntProperties () {
  const states = require('prismarine-schematic/lib/states')
  states.getStateId = (mcData, name, properties) => {
    const block = mcData.blocksByName[name]
    if (!block) return 0
    let data = 0
    for (const [key, text] of properties) {
      let offset = 1
      for (let i = block.states.length - 1; i >= 0; i--) {
        const state = block.states[i]
        if (state.name === key) {
          const index = state.type === 'bool' ? (text === 'true' ? 0 : 1) : state.values.indexOf(text)
          data += offset * index
          break
        }
        offset *= state.num_values
      }
    }
    return block.minStateId + data
  }
}

async function readSchem (file) {
  patchIntProperties()
  const { Schematic } = require('prismarine-schematic')
  const buffer = fs.readFileSync(file)
  const schematic = await Schematic.read(buffer)
  const { x: nx, y: ny, z: nz } = schematic.size
  const grid = new Grid(nx, ny, nz)
  const start = schematic.start()
  const names = new Map()
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) {
      for (let z = 0; z < nz; z++) {
        const stateId = schematic.getBlockStateId(start.offset(x, y, z))
        if (!names.has(stateId)) {
          const block = schematic.Block.fromStateId(stateId, 0)
          names.set(stateId, canonical(block.name, block.getProperties(), 'java'))
        }
        grid.set(x, y, z, names.get(stateId))
      }
    }
  }
  const { parsed } = await nbt.parse(zlib.gunzipSync(buffer))
  const root = nbt.simplify(parsed)
  for (const entity of root.BlockEntities || []) {
    const [x, y, z] = entity.Pos
    const lines = (entity.front_text?.messages || []).map(m => JSON.parse(m).text)
    grid.signs.push({ x, y, z, id: entity.Id, lines })
  }
  grid.info = { version: schematic.version, dataVersion: root.DataVersion }
  return grid
}

function bedrockBlocks () {
  const registry = require('prismarine-registry')(BEDROCK_VERSION)
  const Block = require('prismarine-block')(registry)
  return { registry, Block }
}

function bedrockName (Block, name, states) {
  const block = Block.fromProperties(name.replace('minecraft:', ''), states, 0)
  if (!block || block.stateId === undefined || block.stateId === null) return `unknown:${name}`
  return canonical(block.name, block.getProperties(), 'bedrock')
}

async function readMcstructure (file) {
  const { Block } = bedrockBlocks()
  const { parsed, type } = await nbt.parse(fs.readFileSync(file))
  if (type !== 'little') throw new Error(`expected little-endian NBT, got ${type}`)
  const root = nbt.simplify(parsed)
  const [nx, ny, nz] = root.size
  const grid = new Grid(nx, ny, nz)
  const palette = root.structure.palette.default.block_palette
    .map(entry => bedrockName(Block, entry.name, entry.states))
  const [layer, water] = root.structure.block_indices
  let i = 0
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) {
      for (let z = 0; z < nz; z++, i++) grid.set(x, y, z, layer[i] < 0 ? 'structure_void' : palette[layer[i]])
    }
  }
  const data = root.structure.palette.default.block_position_data || {}
  for (const [index, entry] of Object.entries(data)) {
    const n = Number(index)
    const entity = entry.block_entity_data
    grid.signs.push({
      x: Math.floor(n / (ny * nz)), y: Math.floor(n / nz) % ny, z: n % nz,
      id: entity.id, lines: entity.FrontText.Text.split('\n')
    })
  }
  grid.info = { waterLayerEmpty: water.every(v => v === -1) }
  return grid
}

async function readMcworld (dir, x0, y0, z0, nx, ny, nz) {
  const { LevelDB } = require('leveldb-zlib')
  const { WorldProvider } = require('bedrock-provider')
  const { registry } = bedrockBlocks()
  const db = new LevelDB(`${dir}/db`)
  await db.open()
  const world = new WorldProvider(db, { dimension: 0, registry })
  const grid = new Grid(nx, ny, nz)
  const columns = new Map()
  const names = new Map()
  const nameOf = (column, pos) => {
    const stateId = column.getBlockStateId(pos)
    if (!names.has(stateId)) {
      const block = column.getBlock(pos)
      names.set(stateId, canonical(block.name, block.getProperties(), 'bedrock'))
    }
    return names.get(stateId)
  }
  for (let x = 0; x < nx; x++) {
    for (let z = 0; z < nz; z++) {
      const wx = x0 + x
      const wz = z0 + z
      const key = `${wx >> 4},${wz >> 4}`
      if (!columns.has(key)) columns.set(key, await world.load(wx >> 4, wz >> 4, true))
      const column = columns.get(key)
      for (let y = 0; y < ny; y++) {
        grid.set(x, y, z, column ? nameOf(column, { x: wx & 15, y: y0 + y, z: wz & 15 }) : 'missing-chunk')
      }
    }
  }
  for (const column of columns.values()) {
    for (const tag of Object.values(column ? column.blockEntities : {})) {
      const entity = nbt.simplify(tag)
      grid.signs.push({
        x: entity.x - x0, y: entity.y - y0, z: entity.z - z0,
        id: entity.id, lines: entity.FrontText.Text.split('\n')
      })
    }
  }
  const levelDat = fs.readFileSync(`${dir}/level.dat`)
  const level = nbt.simplify(nbt.protos.little.parsePacketBuffer('nbt', levelDat, 8).data)
  grid.info = {
    storageVersion: levelDat.readInt32LE(0),
    levelName: level.LevelName,
    generator: level.Generator,
    gameType: level.GameType,
    commandsEnabled: level.commandsEnabled,
    spawn: [level.SpawnX, level.SpawnY, level.SpawnZ],
    flatLayers: JSON.parse(level.FlatWorldLayers).block_layers
  }
  await db.close()
  return grid
}

async function main () {
  const [kind, file, ...region] = process.argv.slice(2)
  const readers = { schem: readSchem, mcstructure: readMcstructure, mcworld: readMcworld }
  if (!readers[kind]) throw new Error(`unknown kind ${kind}; use schem, mcstructure or mcworld`)
  const grid = await readers[kind](file, ...region.map(Number))
  process.stdout.write(grid.json())
}

main().catch(error => {
  console.error(error.stack || String(error))
  process.exit(1)
})
