// Plays Minecraft Education's part of the WebSocket protocol for the tests (no real client
// runs on Linux): connects like `/connect`, answers every commandRequest with a
// commandResponse after a delay, runs fill/setblock on a simulated region, sends scripted
// chat as PlayerMessage events once the toolkit first writes to chat, and on close prints a
// JSON report. It checks what the game would refuse: malformed requests, more than
// `maxInFlight` commands awaiting an answer, fills over 32768 blocks.
//
//   node scripted_education_client.js ws://127.0.0.1:PORT '{"region": [x, y, z, nx, ny, nz], ...}'
//   options: chat [[sender, message], ...], maxInFlight (100), replyDelayMs (2),
//            refuse (a regular expression: matching commands fail), region
'use strict'
const WebSocket = require('ws')

const FILL_LIMIT = 32768
const [url, optionText] = process.argv.slice(2)
const options = Object.assign({ chat: [], maxInFlight: 100, replyDelayMs: 2, refuse: null }, JSON.parse(optionText || '{}'))
const [rx, ry, rz, nx, ny, nz] = options.region || [0, 0, 0, 0, 0, 0]

const names = []
const nameIndex = new Map()
const voxels = new Array(nx * ny * nz).fill(-1)
const report = {
  subscriptions: [], commands: 0, maxInFlight: 0, violations: [], tellraw: [], other: [],
  fills: 0, setblocks: 0, outside: 0, names, voxels
}
let inFlight = 0
let chatSent = false

function canonical (block, stateText) {
  const name = block.includes(':') ? block : `minecraft:${block}`
  if (!stateText) return name
  const inner = stateText.trim().replace(/^\[/, '').replace(/\]$/, '')
  if (!inner) return name
  const pairs = inner.split(',').map(pair => {
    const [key, raw] = pair.split('=').map(s => s.trim())
    let value = raw
    if (raw === 'true') value = '1'
    else if (raw === 'false') value = '0'
    else if (raw.startsWith('"')) value = raw.slice(1, -1)
    return [key.replace(/^"|"$/g, ''), value]
  }).sort((a, b) => (a[0] < b[0] ? -1 : 1))
  return `${name}[${pairs.map(([k, v]) => `${k}=${v}`).join(',')}]`
}

function place (x, y, z, name) {
  const lx = x - rx; const ly = y - ry; const lz = z - rz
  if (lx < 0 || ly < 0 || lz < 0 || lx >= nx || ly >= ny || lz >= nz) { report.outside++; return }
  let index = nameIndex.get(name)
  if (index === undefined) { index = names.length; names.push(name); nameIndex.set(name, index) }
  voxels[(lx * ny + ly) * nz + lz] = index
}

// Returns [statusCode, statusMessage] as the game would answer.
function run (line) {
  if (options.refuse && new RegExp(options.refuse).test(line)) return [-2147483648, 'Refused by the test']
  let match = line.match(/^\/?fill (-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+) ([a-z_:]+)( \[.*\])?$/)
  if (match) {
    const [x1, y1, z1, x2, y2, z2] = match.slice(1, 7).map(Number)
    const volume = (Math.abs(x2 - x1) + 1) * (Math.abs(y2 - y1) + 1) * (Math.abs(z2 - z1) + 1)
    if (volume > FILL_LIMIT) {
      report.violations.push(`fill of ${volume} blocks: ${line}`)
      return [-2147483648, `Too many blocks in the specified area (${volume} > ${FILL_LIMIT})`]
    }
    const name = canonical(match[7], match[8])
    for (let x = Math.min(x1, x2); x <= Math.max(x1, x2); x++) {
      for (let y = Math.min(y1, y2); y <= Math.max(y1, y2); y++) {
        for (let z = Math.min(z1, z2); z <= Math.max(z1, z2); z++) place(x, y, z, name)
      }
    }
    report.fills++
    return [0, `${volume} blocks filled`]
  }
  match = line.match(/^\/?setblock (-?\d+) (-?\d+) (-?\d+) ([a-z_:]+)( \[.*\])?$/)
  if (match) {
    place(Number(match[1]), Number(match[2]), Number(match[3]), canonical(match[4], match[5]))
    report.setblocks++
    return [0, 'Block placed']
  }
  match = line.match(/^\/?tellraw @a (\{.*\})$/)
  if (match) {
    report.tellraw.push(JSON.parse(match[1]).rawtext.map(part => part.text).join(''))
    return [0, '']
  }
  if (/^\/?(tp|tickingarea) /.test(line)) { report.other.push(line); return [0, ''] }
  report.violations.push(`unknown command: ${line}`)
  return [-2147483648, 'Syntax error: Unexpected']
}

function answer (socket, requestId, statusCode, statusMessage) {
  setTimeout(() => {
    inFlight--
    socket.send(JSON.stringify({
      header: { version: 1, requestId, messagePurpose: 'commandResponse', messageType: 'commandResponse' },
      body: { statusCode, statusMessage }
    }))
  }, options.replyDelayMs)
}

function sendChat (socket) {
  for (const [sender, message] of options.chat) {
    socket.send(JSON.stringify({
      header: { version: 17039360, messagePurpose: 'event', eventName: 'PlayerMessage' },
      body: { message, receiver: '', sender, type: 'chat' }
    }))
  }
}

// Retries for ten seconds while the toolkit's server is still starting.
function connect (attempt) {
  let opened = false
  const socket = new WebSocket(url)
  socket.on('message', data => {
    const message = JSON.parse(data.toString())
    const { header, body } = message
    if (!header || header.version !== 1 || typeof header.requestId !== 'string') {
      report.violations.push(`malformed header: ${data}`)
      return
    }
    if (header.messagePurpose === 'subscribe') {
      report.subscriptions.push(body.eventName)
      return
    }
    if (header.messagePurpose !== 'commandRequest' || body.version !== 1 ||
        typeof body.commandLine !== 'string' || !body.origin || body.origin.type !== 'player') {
      report.violations.push(`malformed request: ${data}`)
      return
    }
    report.commands++
    inFlight++
    report.maxInFlight = Math.max(report.maxInFlight, inFlight)
    if (inFlight > options.maxInFlight) {
      report.violations.push(`${inFlight} commands awaiting an answer`)
      inFlight--
      socket.send(JSON.stringify({
        header: { version: 1, requestId: header.requestId, messagePurpose: 'error' },
        body: { statusCode: -2147483648, statusMessage: 'The request queue is full' }
      }))
      return
    }
    const [statusCode, statusMessage] = run(body.commandLine)
    answer(socket, header.requestId, statusCode, statusMessage)
    if (body.commandLine.startsWith('tellraw') && !chatSent) {
      chatSent = true
      sendChat(socket)
    }
  })
  socket.on('close', () => {
    if (!opened) return  // a refused attempt closes too: the retry below reports, once
    process.stdout.write(JSON.stringify(report), () => process.exit(0))
  })
  socket.on('open', () => { opened = true })
  socket.on('error', error => {
    if (!opened && attempt < 100) return setTimeout(() => connect(attempt + 1), 100)
    console.error(String(error))
    process.exit(1)
  })
}

connect(0)
